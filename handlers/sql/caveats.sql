-- Caveats that apply to a figure or breakdown; blank columns in caveats.csv match anything.
SELECT caveat_id, kind, text
FROM caveats
WHERE (citizens IS NULL OR citizens = $citizens)
  AND (destination IS NULL OR destination = $destination)
  AND (period IS NULL OR list_contains($periods, period))
  AND (dimension IS NULL OR dimension = $dimension)
  AND (category IS NULL OR category = $category OR ($all_categories AND dimension = $dimension))
  AND (kind <> 'provenance' OR $provenance)
  AND kind <> 'reason'  -- reasons answer "why?" (reasons.sql), they are not warnings
ORDER BY caveat_id
