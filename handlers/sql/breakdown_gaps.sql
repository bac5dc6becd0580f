-- Every published breakdown whose categories do not add up to the total of the same direction and
-- period, one row per direction, period and dimension. One query for the whole data: asking the
-- breakdown query once per period takes minutes on a full-size dataset (32,000 periods).
-- The figures each sum is computed from (figure_ids, total_id) are for "Where in the report".
WITH totals AS (
    SELECT citizens, destination, period, p_start, p_end, value AS total, figure_id AS total_id
    FROM figures
    WHERE dimension = 'total' AND category = 'all'
)
SELECT f.citizens, f.destination, f.period, f.dimension, t.p_start, t.p_end,
       count(*) AS n, sum(f.value) AS parts_sum, t.total, t.total - sum(f.value) AS unaccounted,
       list(f.figure_id ORDER BY f.figure_id) AS figure_ids, t.total_id
FROM figures f
JOIN totals t ON t.citizens = f.citizens AND t.destination = f.destination AND t.period = f.period
WHERE f.dimension <> 'total'
GROUP BY f.citizens, f.destination, f.period, f.dimension, t.p_start, t.p_end, t.total, t.total_id
HAVING t.total <> sum(f.value)
ORDER BY f.citizens, f.destination, f.dimension, t.p_start, t.p_end
