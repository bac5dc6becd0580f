"""The bot's durable state: chat preferences, follow-up context, figures given per chat, the
question log and the audit log.

``store.StateStore`` is the one interface; ``sqlite.SqliteStore`` implements it on the standard
library's SQLite in WAL mode (a server database for replicas would be a second implementation).
``worker.StateWorker`` runs a store on one thread of its own, so no state I/O touches the event
loop. Nothing here imports telegram.
"""
