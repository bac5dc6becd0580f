-- Two shares and the gap between them in percentage points: a = (direction, dimension, category)
-- of its total, b likewise (both breakdowns are of the same total: business and by rail); the gap is a's share minus b's, from unrounded shares.
WITH a AS (
    SELECT sum(value) AS v, list(figure_id) AS ids FROM figures
    WHERE citizens = $a_citizens AND destination = $a_destination AND dimension = $a_dimension
      AND category = $a_category AND list_contains($a_periods, period)
), a_total AS (
    SELECT sum(value) AS v, list(figure_id) AS ids, any_value(source_id) AS source_id FROM figures
    WHERE citizens = $a_citizens AND destination = $a_destination AND dimension = 'total'
      AND category = 'all' AND list_contains($a_periods, period)
), b AS (
    SELECT sum(value) AS v, list(figure_id) AS ids FROM figures
    WHERE citizens = $b_citizens AND destination = $b_destination AND dimension = $b_dimension
      AND category = $b_category AND list_contains($b_periods, period)
), b_total AS (
    SELECT sum(value) AS v, list(figure_id) AS ids FROM figures
    WHERE citizens = $b_citizens AND destination = $b_destination AND dimension = 'total'
      AND category = 'all' AND list_contains($b_periods, period)
)
SELECT a.v AS a_value, a_total.v AS a_total, b.v AS b_value, b_total.v AS b_total,
       round(100.0 * a.v / a_total.v, 1) AS a_share, round(100.0 * b.v / b_total.v, 1) AS b_share,
       round(100.0 * a.v / a_total.v - 100.0 * b.v / b_total.v, 1) AS gap,
       round(abs(100.0 * a.v / a_total.v - 100.0 * b.v / b_total.v), 1) AS abs_gap,
       a.ids || a_total.ids || b.ids || b_total.ids AS figure_ids, a_total.source_id AS source_id
FROM a, a_total, b, b_total
