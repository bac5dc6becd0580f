-- Every caveat in the data, for "what should I be careful about".
SELECT caveat_id, kind, text, citizens, destination, period, dimension, category
FROM caveats WHERE kind <> 'reason' ORDER BY kind = 'provenance' DESC, caveat_id
