-- The published totals that a breakdown figure's share is taken of: same direction and period.
SELECT b.figure_id AS part_id, t.figure_id AS total_id
FROM figures b
JOIN figures t
  ON t.citizens = b.citizens AND t.destination = b.destination AND t.period = b.period
 AND t.dimension = 'total'
WHERE list_contains($ids, b.figure_id) AND b.dimension <> 'total'
