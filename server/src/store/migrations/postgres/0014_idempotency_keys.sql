-- As migrations/sqlite/0014: the answers of requests sent with an Idempotency-Key.
CREATE TABLE idempotency_keys (
  idempotency_key TEXT PRIMARY KEY,
  fingerprint     TEXT NOT NULL,
  status          INTEGER,
  body            TEXT,
  claimed_at      TEXT NOT NULL
);
CREATE INDEX idempotency_keys_claimed ON idempotency_keys (claimed_at);
