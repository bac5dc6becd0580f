"""factdesk: answers journalists' questions about the figures and facts in a news report.

The package is a library with thin front ends: ``handlers.pipeline`` turns a question into an
answer without knowing about Telegram; ``handlers.console`` and ``handlers.telegram`` are the
front ends that call it.
"""
