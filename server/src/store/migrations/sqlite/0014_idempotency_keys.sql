-- Reports sent again (docs/offline.md): a request that carries an `Idempotency-Key` claims the key
-- before it writes and keeps its answer there once made; the same key with the same request gets
-- that answer again, with another request 422. A claim without an answer (its process died) may be
-- taken again after a minute; keys are forgotten after 30 days.
CREATE TABLE idempotency_keys (
  idempotency_key TEXT PRIMARY KEY,
  fingerprint     TEXT NOT NULL,
  status          INTEGER,
  body            TEXT,
  claimed_at      TEXT NOT NULL
) STRICT;
CREATE INDEX idempotency_keys_claimed ON idempotency_keys (claimed_at);
