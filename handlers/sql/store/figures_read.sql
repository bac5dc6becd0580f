-- Stage figures.csv as text, exactly as written: every column VARCHAR, so nothing is cast (DuckDB's
-- BIGINT cast takes '+366' and '3_66'); the checks are the regular expressions in figures_check.sql.
-- A row the reader cannot split into the header's 10 fields goes to reject_errors (line, column).
-- $path is a temporary file holding the bytes being validated.
CREATE TEMP TABLE figures_raw AS
SELECT *
FROM read_csv($path, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
              strict_mode = true, null_padding = false, store_rejects = true,
              columns = {'figure_id': 'VARCHAR', 'citizens': 'VARCHAR', 'destination': 'VARCHAR',
                         'period': 'VARCHAR', 'dimension': 'VARCHAR', 'category': 'VARCHAR',
                         'value': 'VARCHAR', 'source_id': 'VARCHAR', 'note': 'VARCHAR', 'locator': 'VARCHAR'})
