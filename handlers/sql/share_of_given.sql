-- Two categories of one direction and period taken together, as a share of that period's total
-- ("share of those two together?"); the categories may come from different breakdowns.
WITH parts AS (
    SELECT sum(value) AS v, list(figure_id) AS ids FROM figures
    WHERE citizens = $citizens AND destination = $destination AND list_contains($periods, period)
      AND ((dimension = $a_dimension AND category = $a_category) OR (dimension = $b_dimension AND category = $b_category))
), t AS (
    SELECT sum(value) AS total FROM figures
    WHERE citizens = $citizens AND destination = $destination AND dimension = 'total' AND list_contains($periods, period)
)
SELECT parts.v AS value, t.total, CASE WHEN t.total > 0 THEN round(100.0 * parts.v / t.total, 1) END AS share, parts.ids
FROM parts, t
