-- Figures with a locator, for the locator checks (handlers/locators.py) and `bot.py check`.
SELECT figure_id, source_id, CAST(value AS BIGINT) AS value, locator FROM figures_raw WHERE locator <> '' ORDER BY rowid
