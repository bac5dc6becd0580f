-- A source and everything it was derived from, origin first (FSB -> NK News -> Donga).
WITH RECURSIVE chain(source_id, name, kind, published, derived_from, description, depth) AS (
    SELECT source_id, name, kind, published, derived_from, description, 0
    FROM sources WHERE source_id = $source_id
    UNION ALL
    SELECT s.source_id, s.name, s.kind, s.published, s.derived_from, s.description, c.depth + 1
    FROM sources s JOIN chain c ON s.source_id = c.derived_from
    WHERE c.depth < 20
)
SELECT source_id, name, kind, published, description FROM chain ORDER BY depth DESC
