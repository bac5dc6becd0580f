-- Every stored figure of a direction (or of every direction, when both parameters are NULL) whose
-- period lies inside [p_lo, p_hi] (month indices; NULL: any period): "all the figures for Russians",
-- "give me all the numbers for 2023". Totals first, then each breakdown, in period order.
SELECT figure_id, citizens, destination, period, dimension, category, value, source_id
FROM figures
WHERE ($citizens IS NULL OR citizens = $citizens)
  AND ($destination IS NULL OR destination = $destination)
  AND ($p_lo IS NULL OR p_start >= $p_lo)
  AND ($p_hi IS NULL OR p_end <= $p_hi)
ORDER BY citizens = $first_citizens AND destination = $first_destination DESC, citizens, destination,
         dimension <> 'total', dimension, p_start, p_end, value DESC, category
