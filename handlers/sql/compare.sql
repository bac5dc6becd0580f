-- Two series values (a = the base, b = the one compared), their difference, change and ratio.
WITH a AS (
    SELECT sum(value) AS v, list(figure_id) AS ids FROM figures
    WHERE citizens = $a_citizens AND destination = $a_destination
      AND dimension = $a_dimension AND category = $a_category AND list_contains($a_periods, period)
), b AS (
    SELECT sum(value) AS v, list(figure_id) AS ids FROM figures
    WHERE citizens = $b_citizens AND destination = $b_destination
      AND dimension = $b_dimension AND category = $b_category AND list_contains($b_periods, period)
)
SELECT a.v AS a_value, b.v AS b_value, b.v - a.v AS diff,
       CASE WHEN a.v > 0 THEN round(100.0 * (b.v - a.v) / a.v, 1) END AS pct,
       CASE WHEN a.v > 0 THEN round(b.v / a.v, 2) END AS ratio,
       CASE WHEN a.v > 0 THEN round(100.0 * b.v / a.v, 1) END AS b_pct_of_a,
       CASE WHEN b.v > 0 THEN round(a.v / b.v, 2) END AS inverse_ratio,
       CASE WHEN b.v > 0 THEN round(100.0 * (a.v - b.v) / b.v, 1) END AS inverse_pct,
       a.v + b.v AS combined,
       CASE WHEN a.v + b.v > 0 THEN round(100.0 * a.v / (a.v + b.v), 1) END AS a_share_of_combined,
       CASE WHEN a.v + b.v > 0 THEN round(100.0 * b.v / (a.v + b.v), 1) END AS b_share_of_combined,
       a.ids AS a_ids, b.ids AS b_ids
FROM a, b
