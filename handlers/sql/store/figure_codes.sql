-- The small code tables of the packed figures (handlers/packed.py): each series
-- (dimension, category), period (with its first and last month) and source gets a number, in the
-- order of its values. figures_packed.sql numbers them with the same ORDER BY, over the same
-- distinct values, so a code means the same thing in both.
SELECT 0 AS kind, row_number() OVER (ORDER BY dimension, category) - 1 AS code,
       dimension AS name, category AS detail, NULL::INTEGER AS p_start, NULL::INTEGER AS p_end
FROM (SELECT DISTINCT dimension, category FROM figures)
UNION ALL
SELECT 1, row_number() OVER (ORDER BY period) - 1, period, NULL, p_start, p_end
FROM (SELECT DISTINCT period, p_start, p_end FROM figures)
UNION ALL
SELECT 2, row_number() OVER (ORDER BY source_id) - 1, source_id, NULL, NULL, NULL
FROM (SELECT DISTINCT source_id FROM figures)
ORDER BY kind, code
