-- Facts the report gives as the reason behind another fact: kind 'reason', same subject.
SELECT fact_id, topic, kind, subject, statement, quote, speaker, date, place, source_id
FROM facts
WHERE kind = 'reason' AND list_contains($subjects, subject)
ORDER BY fact_id
