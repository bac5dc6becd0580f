-- One pass over the staged figures: how many cells fail the strict rules that a regular expression
-- decides, the distinct values of the identifier and period columns (checked in Python once each,
-- by the same code as the line-by-line validator), and the two uniqueness rules.
-- A cell passes here only if the line-by-line validator would accept it unchanged: no surrounding
-- whitespace (Python's str.strip() set), identifiers and counts in ASCII, no thousands commas.
SELECT
    count(*) AS n,
    count(*) FILTER (WHERE figure_id IS NULL
                        OR NOT regexp_full_match(figure_id, '[A-Za-z0-9][A-Za-z0-9_.-]{0,63}')) AS bad_id,
    count(*) FILTER (WHERE value IS NULL OR NOT regexp_full_match(value, '[0-9]{1,18}')) AS bad_value,
    count(*) FILTER (WHERE (note <> '' AND (length(note) > 10000 OR regexp_matches(note,
        '^[=+\-@]|^[\t\n\x0b\x0c\r\x1c-\x1f \x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}]|[\t\n\x0b\x0c\r\x1c-\x1f \x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}]$|[\x00-\x09\x0b-\x1f\x{7f}-\x{9f}\x{202a}-\x{202e}\x{2066}-\x{2069}\x{feff}]')))
                      OR (locator <> '' AND (length(locator) > 10000 OR regexp_matches(locator,
        '^[=+\-@]|^[\t\n\x0b\x0c\r\x1c-\x1f \x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}]|[\t\n\x0b\x0c\r\x1c-\x1f \x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}]$|[\x00-\x09\x0b-\x1f\x{7f}-\x{9f}\x{202a}-\x{202e}\x{2066}-\x{2069}\x{feff}]')))
    ) AS bad_text,
    -- Distinct hashes: all distinct means all keys distinct; a collision only sends the file to
    -- the line-by-line validator, which then finds no duplicate and accepts it.
    count(DISTINCT hash(figure_id)) AS ids,
    count(DISTINCT hash(citizens, destination, period, dimension, category)) AS combos,
    list(DISTINCT citizens) AS citizens,
    list(DISTINCT destination) AS destination,
    list(DISTINCT period) AS period,
    list(DISTINCT dimension) AS dimension,
    list(DISTINCT category) AS category,
    list(DISTINCT source_id) AS source_id,
    list(DISTINCT [dimension, category]) AS pairs,
    (SELECT count(*) FROM reject_errors) AS rejected
FROM figures_raw
