-- One series summed over a set of stored periods that tile the requested period.
SELECT sum(value) AS value,
       count(*) AS parts,
       list(period ORDER BY p_start) AS periods,
       list(value ORDER BY p_start) AS part_values,
       list(figure_id ORDER BY p_start) AS figure_ids,
       min(source_id) AS source_id
FROM figures
WHERE citizens = $citizens AND destination = $destination
  AND dimension = $dimension AND category = $category
  AND list_contains($periods, period)
