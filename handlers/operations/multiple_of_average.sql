-- One span's value as a multiple of another span's average: (b / b_months) / (a / a_months),
-- which is the same whether the average is taken per month, per day of equal months or per quarter.
WITH a AS (
    SELECT sum(value) AS v, list(figure_id) AS ids FROM figures
    WHERE citizens = $citizens AND destination = $destination AND dimension = $dimension
      AND category = $category AND list_contains($a_periods, period)
), b AS (
    SELECT sum(value) AS v, list(figure_id) AS ids, any_value(source_id) AS source_id FROM figures
    WHERE citizens = $citizens AND destination = $destination AND dimension = $dimension
      AND category = $category AND list_contains($b_periods, period)
)
SELECT a.v AS a_value, b.v AS b_value, $a_months AS a_months, $b_months AS b_months,
       round(a.v / $a_months, 1) AS a_per_month, round(b.v / $b_months, 1) AS b_per_month,
       round(a.v / ($a_months / 3.0), 1) AS a_per_quarter, round(b.v / ($b_months / 3.0), 1) AS b_per_quarter,
       CASE WHEN a.v > 0 THEN round((b.v / $b_months) / (a.v / $a_months), 2) END AS multiple,
       CASE WHEN a.v > 0 THEN round(100.0 * (b.v / $b_months) / (a.v / $a_months) - 100.0, 1) END AS pct_above,
       round(b.v / ($b_months / 3.0) - a.v / ($a_months / 3.0), 1) AS diff_per_quarter,
       round(b.v / $b_months - a.v / $a_months, 1) AS diff_per_month,
       a.ids AS a_ids, b.ids AS b_ids, b.source_id AS source_id
FROM a, b
