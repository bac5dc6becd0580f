-- The source of the first figure in figures.csv: the source chain /figures and charts cite.
SELECT source_id FROM figures ORDER BY line LIMIT 1
