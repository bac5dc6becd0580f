-- Categories of one dimension over a set of periods, with shares of the total and ranks.
-- Shares are of the published total, not of the sum of the categories, which may differ.
WITH t AS (
    SELECT sum(value) AS total FROM figures
    WHERE citizens = $citizens AND destination = $destination
      AND dimension = 'total' AND list_contains($periods, period)
), parts AS (
    SELECT category, sum(value) AS value, count(*) AS n, list(figure_id) AS figure_ids
    FROM figures
    WHERE citizens = $citizens AND destination = $destination
      AND dimension = $dimension AND list_contains($periods, period)
    GROUP BY category
    HAVING count(*) = len($periods)
)
SELECT p.category, p.value, t.total,
       round(100.0 * p.value / t.total, 1) AS share,
       t.total - p.value AS complement,
       round(100.0 * (t.total - p.value) / t.total, 1) AS complement_share,
       rank() OVER (ORDER BY p.value DESC) AS rank_desc,
       rank() OVER (ORDER BY p.value ASC) AS rank_asc,
       count(*) OVER (PARTITION BY p.value) AS tied,
       sum(p.value) OVER () AS parts_sum,
       t.total - sum(p.value) OVER () AS unaccounted,
       round(100.0 * sum(p.value) OVER () / t.total, 1) AS parts_share,
       round(100.0 * p.value / sum(p.value) OVER (), 1) AS share_of_parts,
       p.figure_ids
FROM parts p CROSS JOIN t
ORDER BY p.value DESC, p.category
