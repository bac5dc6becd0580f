-- The staged figures, typed, into the served table, stored grouped by direction and in file order
-- within one (line is the record's place in the file: figures_raw's rowid, as the reader kept the
-- file's order); see _DDL in handlers/store.py for why.
-- p_start and p_end are the period's first and last month as year * 12 + month - 1, as
-- handlers/periods.parse_code computes them; every period here already passed parse_code
-- (tests/test_core.py checks the two agree). A computed column instead of a join on a table of
-- periods: one pass over the staged rows.
INSERT INTO figures
SELECT figure_id, citizens, destination, period, dimension, category, CAST(value AS BIGINT),
       source_id, nullif(note, ''), nullif(locator, ''),
       CAST(period[1:4] AS INTEGER) * 12 + CASE
           WHEN length(period) = 4 THEN 0
           WHEN period[6] = 'Q' THEN 3 * (CAST(period[7] AS INTEGER) - 1)
           WHEN period[6] = 'H' THEN 6 * (CAST(period[7] AS INTEGER) - 1)
           ELSE CAST(period[6:7] AS INTEGER) - 1 END,
       CAST(period[1:4] AS INTEGER) * 12 + CASE
           WHEN length(period) = 4 THEN 11
           WHEN period[6] = 'Q' THEN 3 * CAST(period[7] AS INTEGER) - 1
           WHEN period[6] = 'H' THEN 6 * CAST(period[7] AS INTEGER) - 1
           ELSE CAST(period[6:7] AS INTEGER) - 1 END,
       rowid
FROM figures_raw
ORDER BY citizens, destination, rowid
