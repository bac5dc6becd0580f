-- Every series of one direction, series by series, each oldest first as periods_for.sql gives it
-- (file order, line, only between two records of the same period), with each figure's line and
-- source: how a snapshot of small data reads a direction (Snapshot.direction); large data's is
-- unpacked from what was read at load (handlers/packed.py), and tests compare the two.
SELECT dimension, category, period, p_start, p_end, value, figure_id, line, source_id
FROM figures
WHERE citizens = $citizens AND destination = $destination
ORDER BY dimension, category, p_start, p_end, line
