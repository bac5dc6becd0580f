-- Every direction in the data with how much it covers, most covered first.
SELECT citizens, destination, count(*) AS figures,
       max(p_end) AS latest_end,
       list(DISTINCT period ORDER BY period) FILTER (WHERE dimension = 'total') AS total_periods,
       list(DISTINCT dimension ORDER BY dimension) FILTER (WHERE dimension <> 'total') AS dimensions
FROM figures
GROUP BY citizens, destination
ORDER BY figures DESC, citizens, destination
