-- Every published breakdown whose categories do not add up to the total of the same direction and
-- period, one row per direction, period and dimension. One query for the whole data: asking the
-- breakdown query once per period takes minutes on a full-size dataset (32,000 periods).
WITH totals AS (
    SELECT citizens, destination, period, p_start, p_end, value AS total
    FROM figures
    WHERE dimension = 'total' AND category = 'all'
)
SELECT f.citizens, f.destination, f.period, f.dimension, t.p_start, t.p_end,
       count(*) AS n, sum(f.value) AS parts_sum, t.total, t.total - sum(f.value) AS unaccounted
FROM figures f
JOIN totals t ON t.citizens = f.citizens AND t.destination = f.destination AND t.period = f.period
WHERE f.dimension <> 'total'
GROUP BY f.citizens, f.destination, f.period, f.dimension, t.p_start, t.p_end, t.total
HAVING t.total <> sum(f.value)
ORDER BY f.citizens, f.destination, f.dimension, t.p_start, t.p_end
