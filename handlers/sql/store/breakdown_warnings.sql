-- Breakdowns that sum to more than their total (a warning, not an error: the material has one).
WITH totals AS (
    SELECT citizens, destination, period, value FROM figures WHERE dimension = 'total'
), sums AS (
    SELECT citizens, destination, period, dimension, sum(value) AS s
    FROM figures WHERE dimension <> 'total' GROUP BY citizens, destination, period, dimension
)
SELECT s.citizens, s.destination, s.period, s.dimension, s.s, t.value
FROM sums AS s JOIN totals AS t USING (citizens, destination, period)
WHERE s.s > t.value
ORDER BY s.citizens, s.destination, s.period, s.dimension
