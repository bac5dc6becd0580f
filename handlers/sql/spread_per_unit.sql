-- Figures already read (a set of categories' remainder, the sum of the others) spread evenly over
-- a period: per day (calendar days, $first_day up to, not including, $day_after: Q3 has 92), per
-- month and per quarter ($months is the period's months). Rounded here, as every average is.
SELECT date_diff('day', $first_day, $day_after) AS days, $months AS months,
       list_transform($values, lambda v: round(v / date_diff('day', $first_day, $day_after), 2)) AS per_day,
       list_transform($values, lambda v: round(v / $months, 1)) AS per_month,
       list_transform($values, lambda v: round(v / ($months / 3.0), 1)) AS per_quarter
