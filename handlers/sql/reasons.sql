-- What the report offers as the reason for one figure ("why did it rise?"): caveats of kind
-- 'reason' tied to exactly this direction, period, dimension and category (blank = total / all).
SELECT caveat_id, kind, text
FROM caveats
WHERE kind = 'reason'
  AND citizens = $citizens AND destination = $destination
  AND list_contains($periods, period)
  AND coalesce(dimension, 'total') = $dimension
  AND coalesce(category, 'all') = $category
ORDER BY caveat_id
