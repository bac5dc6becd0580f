-- Every figure as written (without the derived month span), in file order: for tests, exports and
-- an admin's diff, never kept.
SELECT figure_id, citizens, destination, period, dimension, category, value, source_id, note, locator
FROM figures ORDER BY line
