-- The breakdown categories in the data, in the order they first appear in figures.csv.
SELECT dimension, category FROM figures WHERE dimension <> 'total'
GROUP BY dimension, category ORDER BY min(line)
