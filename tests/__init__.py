"""factdesk tests: real pipeline, real DuckDB, real python-telegram-bot over a loopback Bot API."""
