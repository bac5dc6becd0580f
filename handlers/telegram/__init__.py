"""Telegram front end: thin handlers over the question pipeline."""
