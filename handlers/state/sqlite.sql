-- Statements of handlers/state/sqlite.py, one per "-- name:" block; parameters are bound.

-- name: schema
CREATE TABLE IF NOT EXISTS prefs (
    chat_id     INTEGER PRIMARY KEY,
    lang        TEXT,                -- NULL: the question's own language
    corrections INTEGER NOT NULL DEFAULT 1,
    ts          REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS prefs_ts ON prefs (ts);
CREATE TABLE IF NOT EXISTS contexts (
    key  TEXT PRIMARY KEY,           -- "t:chat:user:thread" or "m:chat:message"
    ts   REAL NOT NULL,
    body TEXT NOT NULL               -- JSON, see store.encode_context
);
CREATE INDEX IF NOT EXISTS contexts_ts ON contexts (ts);
CREATE TABLE IF NOT EXISTS given (
    chat_id   INTEGER NOT NULL,
    figure_id TEXT NOT NULL,
    value     INTEGER NOT NULL,
    ts        REAL NOT NULL,
    PRIMARY KEY (chat_id, figure_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS given_figure ON given (figure_id, ts);
CREATE INDEX IF NOT EXISTS given_ts ON given (ts);
CREATE TABLE IF NOT EXISTS questions (
    id       INTEGER PRIMARY KEY,
    ts       REAL NOT NULL,
    chat_id  INTEGER NOT NULL,
    kind     TEXT NOT NULL,
    intent   TEXT,
    score    REAL,
    question TEXT,                   -- kept only for questions the bot could not answer
    norm     TEXT
);
CREATE INDEX IF NOT EXISTS questions_ts ON questions (ts);
CREATE INDEX IF NOT EXISTS questions_unanswered ON questions (norm) WHERE norm IS NOT NULL;
CREATE TABLE IF NOT EXISTS audit (
    id      INTEGER PRIMARY KEY,
    ts      TEXT NOT NULL,           -- ISO 8601, UTC
    who     INTEGER,
    action  TEXT NOT NULL,
    details TEXT NOT NULL            -- JSON object
);
CREATE INDEX IF NOT EXISTS audit_ts ON audit (ts);
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- name: get_prefs
SELECT lang, corrections FROM prefs WHERE chat_id = :chat_id;

-- name: set_lang
INSERT INTO prefs (chat_id, lang, ts) VALUES (:chat_id, :lang, :ts)
ON CONFLICT (chat_id) DO UPDATE SET lang = excluded.lang, ts = excluded.ts;

-- name: set_corrections
INSERT INTO prefs (chat_id, corrections, ts) VALUES (:chat_id, :on, :ts)
ON CONFLICT (chat_id) DO UPDATE SET corrections = excluded.corrections, ts = excluded.ts;

-- name: put_context
INSERT INTO contexts (key, ts, body) VALUES (:key, :ts, :body)
ON CONFLICT (key) DO UPDATE SET ts = excluded.ts, body = excluded.body;

-- name: get_context
SELECT body FROM contexts WHERE key = :key AND ts >= :since;

-- name: lang_chats
SELECT chat_id FROM prefs WHERE lang IS NOT NULL;

-- name: context_keys
SELECT key FROM contexts WHERE ts >= :since;

-- name: drop_context
DELETE FROM contexts WHERE key = :key;

-- name: record_given
INSERT INTO given (chat_id, figure_id, value, ts) VALUES (:chat_id, :figure_id, :value, :ts)
ON CONFLICT (chat_id, figure_id) DO UPDATE SET value = excluded.value, ts = excluded.ts;

-- name: given_changed
SELECT g.chat_id, g.value FROM given AS g LEFT JOIN prefs AS p ON p.chat_id = g.chat_id
WHERE g.figure_id = :figure_id AND g.ts >= :since AND g.value != :value AND coalesce(p.corrections, 1) = 1
ORDER BY g.chat_id;

-- name: given_update
UPDATE given SET value = :value WHERE figure_id = :figure_id AND ts >= :since AND value != :value;

-- name: record_question
INSERT INTO questions (ts, chat_id, kind, intent, score, question, norm)
VALUES (:ts, :chat_id, :kind, :intent, :score, :question, :norm);

-- name: audit
INSERT INTO audit (ts, who, action, details) VALUES (:ts, :who, :action, :details);

-- name: unanswered
SELECT q.question, u.n
FROM (SELECT norm, count(*) AS n, min(id) AS first FROM questions WHERE norm IS NOT NULL GROUP BY norm) AS u
JOIN questions AS q ON q.id = u.first
ORDER BY u.n DESC, u.first
LIMIT :limit;

-- name: stats_days
SELECT date(ts, 'unixepoch') AS day, count(*) AS asked, sum(kind = 'answer') AS answered
FROM questions GROUP BY day ORDER BY day DESC LIMIT :days;

-- name: stats_totals
SELECT count(*), coalesce(sum(kind = 'answer'), 0) FROM questions;

-- name: stats_intents
SELECT coalesce(intent, '?'), count(*) AS n FROM questions WHERE kind = 'answer'
GROUP BY 1 ORDER BY n DESC, 1 LIMIT 8;

-- name: prune_questions_age
DELETE FROM questions WHERE id IN (SELECT id FROM questions WHERE ts < :cutoff LIMIT :batch);

-- name: prune_questions_rows
DELETE FROM questions WHERE id IN (
    SELECT id FROM questions WHERE id <= (SELECT id FROM questions ORDER BY id DESC LIMIT 1 OFFSET :max_rows)
    ORDER BY id LIMIT :batch);

-- name: prune_audit_age
DELETE FROM audit WHERE id IN (SELECT id FROM audit WHERE ts < :cutoff_iso LIMIT :batch);

-- name: prune_audit_rows
DELETE FROM audit WHERE id IN (
    SELECT id FROM audit WHERE id <= (SELECT id FROM audit ORDER BY id DESC LIMIT 1 OFFSET :max_rows)
    ORDER BY id LIMIT :batch);

-- name: prune_given_age
DELETE FROM given WHERE (chat_id, figure_id) IN (SELECT chat_id, figure_id FROM given WHERE ts < :cutoff LIMIT :batch);

-- name: prune_given_rows
DELETE FROM given WHERE (chat_id, figure_id) IN (
    SELECT chat_id, figure_id FROM given ORDER BY ts DESC LIMIT :batch OFFSET :max_rows);

-- name: prune_contexts_age
DELETE FROM contexts WHERE key IN (SELECT key FROM contexts WHERE ts < :context_cutoff LIMIT :batch);

-- name: prune_contexts_rows
DELETE FROM contexts WHERE key IN (SELECT key FROM contexts ORDER BY ts DESC LIMIT :batch OFFSET :max_rows);

-- name: prune_prefs_rows
DELETE FROM prefs WHERE chat_id IN (
    SELECT chat_id FROM prefs ORDER BY ts DESC LIMIT :batch OFFSET :max_rows);

-- name: meta_get
SELECT value FROM meta WHERE key = :key;

-- name: meta_set
INSERT INTO meta (key, value) VALUES (:key, :value) ON CONFLICT (key) DO UPDATE SET value = excluded.value;
