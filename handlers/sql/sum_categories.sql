-- Several categories of one dimension added together ("by air or rail combined").
SELECT sum(value) AS value, count(*) AS parts, list(figure_id) AS figure_ids
FROM figures
WHERE citizens = $citizens AND destination = $destination
  AND dimension = $dimension AND list_contains($categories, category)
  AND list_contains($periods, period)
