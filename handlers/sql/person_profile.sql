-- The report's profile of one person ("where does he teach?", "кем он работает?").
SELECT fact_id, topic, kind, subject, statement, quote, speaker, date, place, source_id
FROM facts
WHERE kind = 'profile' AND subject = $person
ORDER BY fact_id
