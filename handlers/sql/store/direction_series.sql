-- Every series of one direction, series by series, each oldest first as periods_for.sql gives it
-- (file order, line, only between two records of the same period), with each figure's line and
-- source. Snapshot.direction_series builds the same from the compact columns read at load
-- (handlers/figure_columns.py); this query is its fallback, and what tests compare it with.
SELECT dimension, category, period, p_start, p_end, value, figure_id, line, source_id
FROM figures
WHERE citizens = $citizens AND destination = $destination
ORDER BY dimension, category, p_start, p_end, line
