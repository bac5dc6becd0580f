-- The statements of named people on one topic ("who said that?" after a statement the report
-- gives to unnamed experts: the expert it does name on that topic), those already given left out.
SELECT fact_id, topic, kind, subject, statement, quote, speaker, date, place, source_id
FROM facts
WHERE topic = $topic AND coalesce(speaker, '') <> '' AND NOT list_contains($given, fact_id)
ORDER BY fact_id
