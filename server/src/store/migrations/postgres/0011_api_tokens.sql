-- As migrations/sqlite/0011: tokens for programs, bound to a unit version and a set of actions.
CREATE TABLE api_tokens (
  id         BIGSERIAL PRIMARY KEY,
  name       TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  unit_id    TEXT REFERENCES units (id),
  unit_from  TEXT,
  actions    TEXT NOT NULL,
  created_by BIGINT REFERENCES users (id),
  created_at TEXT NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  revoked_at TEXT
);
