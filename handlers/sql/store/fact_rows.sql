-- Every fact with the columns facts.sql gives: the table is small (the report's statements), read
-- once per snapshot and looked up by id in Python (local_queries.facts), not queried per answer.
SELECT fact_id, topic, kind, subject, statement, quote, speaker, date, place, source_id
FROM facts ORDER BY fact_id
