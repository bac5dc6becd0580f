-- Facts for "Where in the report": where each is stated, by id, in the order asked.
SELECT f.fact_id, f.topic, f.statement, f.quote, f.speaker, f.source_id, f.locator
FROM facts f
JOIN (SELECT unnest($ids) AS fact_id, generate_subscripts($ids, 1) AS pos) wanted USING (fact_id)
ORDER BY wanted.pos
