-- Some figures by id (an answer's figures, a preview's labels), in one scan.
SELECT figure_id, citizens, destination, period, dimension, category, value, source_id, note, locator
FROM figures WHERE list_contains($ids, figure_id)
