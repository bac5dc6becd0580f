-- The other statements of one person or outlet ("what else did he say?"), those already given left out.
SELECT fact_id, topic, kind, subject, statement, quote, speaker, date, place, source_id
FROM facts
WHERE (speaker = $person OR subject = $person) AND NOT list_contains($given, fact_id)
ORDER BY fact_id
