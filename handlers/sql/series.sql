-- Every stored period of one series, with the change from the previous period when the two are
-- adjacent and of equal length (a year next to a quarter is not a change).
SELECT period, p_start, p_end, value, figure_id,
       CASE WHEN lag(p_end) OVER w = p_start - 1 AND lag(p_end - p_start) OVER w = p_end - p_start
            THEN value - lag(value) OVER w END AS diff,
       CASE WHEN lag(p_end) OVER w = p_start - 1 AND lag(p_end - p_start) OVER w = p_end - p_start
                 AND lag(value) OVER w > 0
            THEN round(100.0 * (value - lag(value) OVER w) / lag(value) OVER w, 1) END AS pct
FROM figures
WHERE citizens = $citizens AND destination = $destination
  AND dimension = $dimension AND category = $category
WINDOW w AS (ORDER BY p_start, p_end)
ORDER BY p_start, p_end
