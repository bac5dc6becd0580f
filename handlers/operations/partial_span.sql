-- The stored periods inside a span the data covers only in part, and their sum.
SELECT sum(value) AS value, list(figure_id ORDER BY period) AS figure_ids, any_value(source_id) AS source_id,
       list(period ORDER BY period) AS periods, list(value ORDER BY period) AS part_values
FROM figures
WHERE citizens = $citizens AND destination = $destination AND dimension = $dimension
  AND category = $category AND list_contains($periods, period)
