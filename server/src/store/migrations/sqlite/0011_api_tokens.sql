-- Tokens for programs (a province's own system pushing figures): bound to a unit version (or the
-- whole area when unit_id is NULL) and a set of actions; only the SHA-256 of the secret is kept.
CREATE TABLE api_tokens (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  unit_id    TEXT REFERENCES units (id),
  unit_from  TEXT,
  actions    TEXT NOT NULL,
  created_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  revoked_at TEXT
) STRICT;
