-- Stored periods of one series (a direction, dimension and category), oldest first.
SELECT period, p_start, p_end, value, figure_id
FROM figures
WHERE citizens = $citizens AND destination = $destination
  AND dimension = $dimension AND category = $category
ORDER BY p_start, p_end
