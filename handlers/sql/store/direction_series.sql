-- Every series of one direction, series by series, each oldest first as periods_for.sql gives it
-- (file order, line, only between two records of the same period), with each figure's source:
-- one query per direction per snapshot instead of one per series and one per figure's source.
SELECT dimension, category, period, p_start, p_end, value, figure_id, source_id
FROM figures
WHERE citizens = $citizens AND destination = $destination
ORDER BY dimension, category, p_start, p_end, line
