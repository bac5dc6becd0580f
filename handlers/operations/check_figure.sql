-- A figure stated in a question against the data: the asked series' value over $periods, whether
-- it equals $stated, and every stored figure whose value is $stated (what the number really is).
WITH asked AS (
    SELECT sum(value) AS v, list(figure_id ORDER BY period) AS ids, any_value(source_id) AS source_id,
           list(period ORDER BY period) AS periods, list(value ORDER BY period) AS part_values
    FROM figures
    WHERE citizens = $citizens AND destination = $destination AND dimension = $dimension
      AND category = $category AND list_contains($periods, period)
)
SELECT asked.v AS value, asked.v = $stated AS matches, asked.v > $stated AS above, asked.v < $stated AS below, asked.v - $stated AS diff, asked.ids AS figure_ids,
       asked.source_id AS source_id, asked.periods AS periods, asked.part_values AS part_values,
       (SELECT list(figure_id ORDER BY figure_id) FROM figures WHERE value = $stated) AS stated_ids
FROM asked
