SELECT count(*) FROM figures
