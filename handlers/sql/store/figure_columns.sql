-- Every figure as numbers only (series, period and source codes numbered as figure_codes.sql
-- numbers them, and its value), grouped by direction and in file order within one (the order the
-- table is stored in, and figure_directions.sql's ids). Read once per snapshot into compact columns (handlers/figure_columns.py).
WITH s AS (SELECT dimension, category, (row_number() OVER (ORDER BY dimension, category) - 1)::INTEGER AS s
           FROM (SELECT DISTINCT dimension, category FROM figures)),
     p AS (SELECT period, (row_number() OVER (ORDER BY period) - 1)::INTEGER AS p
           FROM (SELECT DISTINCT period FROM figures)),
     k AS (SELECT source_id, (row_number() OVER (ORDER BY source_id) - 1)::INTEGER AS k
           FROM (SELECT DISTINCT source_id FROM figures))
SELECT s.s AS series, p.p AS period, f.value, k.k AS source
FROM figures f JOIN s USING (dimension, category) JOIN p USING (period) JOIN k USING (source_id)
ORDER BY f.citizens, f.destination, f.line
