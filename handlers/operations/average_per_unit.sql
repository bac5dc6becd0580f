-- A series' value over a span, and its average per month, per day and per quarter of that span.
-- $months is the months the summed periods cover; days are counted by the calendar ($first_day
-- up to, not including, $day_after), so Q3 has 92 days.
SELECT sum(value) AS value, list(figure_id ORDER BY period) AS figure_ids, any_value(source_id) AS source_id,
       list(value ORDER BY period) AS part_values, list(period ORDER BY period) AS periods,
       $months AS months, date_diff('day', $first_day, $day_after) AS days,
       round(sum(value) / $months, 1) AS per_month,
       round(sum(value) / date_diff('day', $first_day, $day_after), 2) AS per_day,
       round(sum(value) / ($months / 3.0), 1) AS per_quarter
FROM figures
WHERE citizens = $citizens AND destination = $destination
  AND dimension = $dimension AND category = $category AND list_contains($periods, period)
