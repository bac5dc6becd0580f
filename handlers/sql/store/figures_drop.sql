DROP TABLE IF EXISTS figures_raw; DROP TABLE IF EXISTS reject_errors; DROP TABLE IF EXISTS reject_scans
