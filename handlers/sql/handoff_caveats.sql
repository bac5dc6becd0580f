-- The caveats that apply to each of a set of figures (blank caveat columns match anything);
-- provenance caveats are left out: the attribution chain already says where a figure comes from.
SELECT f.figure_id, c.caveat_id, c.text
FROM figures f
JOIN caveats c
  ON (c.citizens IS NULL OR c.citizens = f.citizens)
 AND (c.destination IS NULL OR c.destination = f.destination)
 AND (c.period IS NULL OR c.period = f.period)
 AND (c.dimension IS NULL OR c.dimension = f.dimension)
 AND (c.category IS NULL OR c.category = f.category)
WHERE ($all OR list_contains($ids, f.figure_id)) AND c.kind <> 'provenance'
  AND c.kind <> 'reason'  -- the report's reasons answer "why?" (reasons.sql); they are no caveat
ORDER BY f.figure_id, c.caveat_id
