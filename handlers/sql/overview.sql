-- Every figure, grouped for the /figures overview.
SELECT citizens, destination, period, dimension, category, value, source_id, note, figure_id
FROM figures
ORDER BY citizens = $default_citizens AND destination = $default_destination DESC,
         citizens, destination, dimension <> 'total', dimension, p_start, p_end, value DESC, category
