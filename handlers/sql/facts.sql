-- Facts by id, in the order asked.
SELECT f.fact_id, f.topic, f.kind, f.subject, f.statement, f.quote, f.speaker, f.date, f.place, f.source_id
FROM facts f
JOIN (SELECT unnest($ids) AS fact_id, generate_subscripts($ids, 1) AS pos) wanted USING (fact_id)
ORDER BY wanted.pos
