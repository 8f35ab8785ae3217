CREATE TABLE users (
  id                  INTEGER PRIMARY KEY,
  username            TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash       TEXT NOT NULL,
  role                TEXT NOT NULL CHECK (role IN ('admin', 'police', 'commune', 'youth', 'viewer')),
  unit_id             TEXT REFERENCES units (id),
  disabled            INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  -- A commune user always has a commune; admin, police and viewer have none; youth may have one.
  CHECK ((role = 'commune') = (unit_id IS NOT NULL) OR role = 'youth')
) STRICT;

-- Sessions are looked up by the SHA-256 of their id, so a copy of the database holds no usable session.
CREATE TABLE sessions (
  id_hash      TEXT PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_ms   INTEGER NOT NULL,
  last_seen_ms INTEGER NOT NULL
) STRICT;
CREATE INDEX sessions_user ON sessions (user_id);

-- Failed logins, by client address and by username, for throttling.
CREATE TABLE login_failures (
  key   TEXT NOT NULL,
  at_ms INTEGER NOT NULL
) STRICT;
CREATE INDEX login_failures_key ON login_failures (key, at_ms);

CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  at        TEXT NOT NULL,
  user_id   INTEGER,
  username  TEXT,
  action    TEXT NOT NULL,
  entity    TEXT,
  entity_id TEXT,
  unit_id   TEXT,
  before    TEXT,
  after     TEXT,
  ip        TEXT
) STRICT;
CREATE INDEX audit_at ON audit_log (at);
CREATE INDEX audit_unit ON audit_log (unit_id, at);
CREATE INDEX audit_user ON audit_log (user_id, at);

-- Append-only: the app can add entries, never change or remove them.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
