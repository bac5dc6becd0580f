-- Every figure of each direction packed into one text, in file order: per figure its id, then its
-- series, period and source as numbers (figure_codes.sql numbers them with the same ORDER BY over
-- the same distinct values) and its value, all separated by spaces (an id is [A-Za-z0-9_.-]).
-- One string per direction instead of Python objects per figure (handlers/packed.py).
WITH s AS (SELECT dimension, category, row_number() OVER (ORDER BY dimension, category) - 1 AS s
           FROM (SELECT DISTINCT dimension, category FROM figures)),
     p AS (SELECT period, row_number() OVER (ORDER BY period) - 1 AS p
           FROM (SELECT DISTINCT period FROM figures)),
     k AS (SELECT source_id, row_number() OVER (ORDER BY source_id) - 1 AS k
           FROM (SELECT DISTINCT source_id FROM figures))
SELECT f.citizens, f.destination, count(*) AS n,
       string_agg(concat_ws(' ', f.figure_id, s.s, p.p, k.k, f.value), ' ' ORDER BY f.line) AS figures
FROM figures f JOIN s USING (dimension, category) JOIN p USING (period) JOIN k USING (source_id)
GROUP BY f.citizens, f.destination
