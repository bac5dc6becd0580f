-- A source and everything it relayed, origin first, with what a citation needs (url, title, cite_as).
WITH RECURSIVE chain(source_id, name, kind, published, derived_from, url, title, cite_as, depth) AS (
    SELECT source_id, name, kind, published, derived_from, url, title, cite_as, 0
    FROM sources WHERE source_id = $source_id
    UNION ALL
    SELECT s.source_id, s.name, s.kind, s.published, s.derived_from, s.url, s.title, s.cite_as, c.depth + 1
    FROM sources s JOIN chain c ON s.source_id = c.derived_from
    WHERE c.depth < 20
)
SELECT source_id, name, kind, published, url, title, cite_as FROM chain ORDER BY depth DESC
