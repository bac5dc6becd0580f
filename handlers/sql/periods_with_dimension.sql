-- Periods of one direction that have both a total and a breakdown by one dimension, oldest first.
-- One query for all periods: asking the breakdown query period by period costs ~0.3 s on a
-- direction with 40 quarters.
SELECT DISTINCT b.period, b.p_start, b.p_end
FROM figures b
WHERE b.citizens = $citizens AND b.destination = $destination AND b.dimension = $dimension
  AND EXISTS (SELECT 1 FROM figures t
              WHERE t.citizens = b.citizens AND t.destination = b.destination
                AND t.period = b.period AND t.dimension = 'total')
ORDER BY b.p_start, b.p_end
