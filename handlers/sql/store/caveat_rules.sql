-- Every caveat with the columns that say where it applies: the table is a handful of rows, read
-- once per snapshot and matched in Python (queries.py), not queried once per answer.
SELECT caveat_id, citizens, destination, period, dimension, category, kind, text
FROM caveats ORDER BY caveat_id
