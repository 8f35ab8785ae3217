CREATE TABLE users (
  id                  BIGSERIAL PRIMARY KEY,
  username            TEXT NOT NULL,
  password_hash       TEXT NOT NULL,
  role                TEXT NOT NULL CHECK (role IN ('admin', 'police', 'commune', 'youth', 'viewer')),
  unit_id             TEXT REFERENCES units (id),
  disabled            INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at          TEXT NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  CHECK ((role = 'commune') = (unit_id IS NOT NULL) OR role = 'youth')
);
-- Usernames are unique whatever their case, as SQLite's COLLATE NOCASE.
CREATE UNIQUE INDEX users_username ON users (lower(username));

CREATE TABLE sessions (
  id_hash      TEXT PRIMARY KEY,
  user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_ms   BIGINT NOT NULL,
  last_seen_ms BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE login_failures (
  id    BIGSERIAL PRIMARY KEY,
  key   TEXT NOT NULL,
  at_ms BIGINT NOT NULL
);
CREATE INDEX login_failures_key ON login_failures (key, at_ms);

CREATE TABLE audit_log (
  id        BIGSERIAL PRIMARY KEY,
  at        TEXT NOT NULL,
  user_id   BIGINT,
  username  TEXT,
  action    TEXT NOT NULL,
  entity    TEXT,
  entity_id TEXT,
  unit_id   TEXT,
  before    TEXT,
  after     TEXT,
  ip        TEXT
);
CREATE INDEX audit_at ON audit_log (at);
CREATE INDEX audit_unit ON audit_log (unit_id, at);
CREATE INDEX audit_user ON audit_log (user_id, at);

-- Append-only: the app can add entries, never change or remove them (TRUNCATE included).
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
