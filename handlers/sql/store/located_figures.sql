-- Figures with a locator, for `bot.py check`'s count of verified locators.
SELECT figure_id, source_id, value, locator FROM figures WHERE locator IS NOT NULL ORDER BY line
