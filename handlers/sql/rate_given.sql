-- The sum or gap of two figures of one period, spread over that period's months, quarters and
-- days ("gap per month?", "합치면 하루 몇 명?" after two monthly or daily averages); the day
-- count comes from the period's own dates, as in rate.sql.
SELECT round($value / $months, 1) AS per_month,
       round($value / ($months / 3.0), 1) AS per_quarter,
       date_diff('day', CAST($first_day AS DATE), CAST($last_day AS DATE)) + 1 AS days,
       round($value / (date_diff('day', CAST($first_day AS DATE), CAST($last_day AS DATE)) + 1), 1) AS per_day
