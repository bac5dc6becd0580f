-- Stored figures for the newsroom hand-off (where stated, cite, export): the ones asked for by id,
-- or every figure when $all is true, ordered by direction, period and breakdown.
SELECT figure_id, citizens, destination, period, p_start, p_end, dimension, category, value, source_id,
       note, locator
FROM figures
WHERE $all OR list_contains($ids, figure_id)
ORDER BY citizens, destination, p_start, p_end, dimension <> 'total', dimension, value DESC, category
