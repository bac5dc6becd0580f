-- One series over the stored periods that make up the asked period, spread per month and per day
-- ("monthly average?", "how many a day?", "per quarter?"); the day count comes from the period's own dates.
SELECT sum(value) AS value,
       round(sum(value) / $months, 1) AS per_month,
       round(sum(value) / ($months / 3.0), 1) AS per_quarter,
       date_diff('day', CAST($first_day AS DATE), CAST($last_day AS DATE)) + 1 AS days,
       round(sum(value) / (date_diff('day', CAST($first_day AS DATE), CAST($last_day AS DATE)) + 1), 1) AS per_day,
       list(figure_id) AS ids
FROM figures
WHERE citizens = $citizens AND destination = $destination
  AND dimension = $dimension AND category = $category AND list_contains($periods, period)
