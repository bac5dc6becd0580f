-- A set of categories of one dimension against the total: the set's sum and share, the total
-- minus the set, and the sum of the published categories outside the set (breakdowns need not
-- add up to the total, so the last two can differ).
WITH t AS (
    SELECT sum(value) AS v, list(figure_id) AS ids, any_value(source_id) AS source_id FROM figures
    WHERE citizens = $citizens AND destination = $destination AND dimension = 'total' AND category = 'all'
      AND list_contains($periods, period)
), s AS (
    SELECT sum(value) AS v, list(figure_id) AS ids, count(DISTINCT category) AS found FROM figures
    WHERE citizens = $citizens AND destination = $destination AND dimension = $dimension
      AND list_contains($categories, category) AND list_contains($periods, period)
), o AS (
    SELECT sum(value) AS v, list(figure_id) AS ids, list(category ORDER BY value DESC) AS categories,
           list(value ORDER BY value DESC) AS part_values FROM figures
    WHERE citizens = $citizens AND destination = $destination AND dimension = $dimension
      AND NOT list_contains($categories, category) AND list_contains($periods, period)
)
SELECT t.v AS total, s.v AS set_value, s.found AS found, round(100.0 * s.v / t.v, 1) AS set_share,
       t.v - s.v AS total_minus_set, round(100.0 * (t.v - s.v) / t.v, 1) AS total_minus_set_share,
       o.v AS others_value, round(100.0 * o.v / t.v, 1) AS others_share,
       o.categories AS other_categories, o.part_values AS other_values,
       t.ids || s.ids || coalesce(o.ids, []) AS figure_ids, t.source_id AS source_id
FROM t, s, o
