-- One category (or set) against another category or set of the same dimension: both sums,
-- the difference, by what percent a exceeds b, and a as a multiple of b.
WITH a AS (
    SELECT sum(value) AS v, list(figure_id) AS ids, any_value(source_id) AS source_id FROM figures
    WHERE citizens = $citizens AND destination = $destination AND dimension = $dimension
      AND list_contains($a_categories, category) AND list_contains($periods, period)
), b AS (
    SELECT sum(value) AS v, list(figure_id) AS ids, list(value ORDER BY value DESC) AS part_values,
           count(DISTINCT category) AS found FROM figures
    WHERE citizens = $citizens AND destination = $destination AND dimension = $dimension
      AND list_contains($b_categories, category) AND list_contains($periods, period)
)
SELECT a.v AS a_value, b.v AS b_value, b.found AS b_found, a.v - b.v AS diff, abs(a.v - b.v) AS abs_diff,
       CASE WHEN b.v > 0 THEN round(100.0 * (a.v - b.v) / b.v, 1) END AS pct,
       CASE WHEN b.v > 0 THEN round(abs(100.0 * (a.v - b.v) / b.v), 1) END AS abs_pct,
       CASE WHEN b.v > 0 THEN round(a.v / b.v, 2) END AS ratio,
       CASE WHEN b.v > 0 THEN round(100.0 * a.v / b.v, 1) END AS a_pct_of_b,
       b.part_values AS b_parts, a.ids || b.ids AS figure_ids, a.source_id AS source_id
FROM a, b
