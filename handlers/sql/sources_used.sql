-- The sources figures and facts cite, with how many of each cite them.
SELECT source_id, sum(n) AS uses FROM (
    SELECT source_id, count(*) AS n FROM figures GROUP BY source_id
    UNION ALL
    SELECT source_id, count(*) AS n FROM facts GROUP BY source_id
) GROUP BY source_id ORDER BY uses DESC, source_id
