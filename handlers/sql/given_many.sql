-- Several stored figures given in a conversation ("those three together?"), each named by its
-- key citizens|destination|dimension|category|period, with their sum and mean over all of them.
SELECT citizens, destination, dimension, category, period, value, figure_id, source_id,
       sum(value) OVER () AS combined,
       round(sum(value) OVER () / count(*) OVER (), 1) AS mean,
       count(*) OVER () AS parts
FROM figures
WHERE list_contains($keys, citizens || '|' || destination || '|' || dimension || '|' || category || '|' || period)
ORDER BY list_position($keys, citizens || '|' || destination || '|' || dimension || '|' || category || '|' || period)
