-- Stored periods of one series ranked by value ("which quarter had the most arrivals?").
SELECT period, p_start, p_end, value, figure_id,
       rank() OVER (ORDER BY value DESC) AS rank_desc,
       rank() OVER (ORDER BY value ASC) AS rank_asc
FROM figures
WHERE citizens = $citizens AND destination = $destination
  AND dimension = $dimension AND category = $category
  AND list_contains($periods, period)
ORDER BY value DESC, p_start
