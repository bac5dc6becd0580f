-- Each direction's number of figures and their ids in file order, joined by commas (an id is
-- [A-Za-z0-9_.-], never a comma): one string per direction instead of one Python string per figure.
-- Directions in the order figure_columns.sql gives their rows.
SELECT citizens, destination, count(*) AS n, string_agg(figure_id, ',' ORDER BY line) AS ids
FROM figures
GROUP BY citizens, destination
ORDER BY citizens, destination
