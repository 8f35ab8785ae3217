-- As migrations/sqlite/0015: account contacts, reminder settings and the sender's lease, the
-- decisions to remind and the outbox with every attempt.
ALTER TABLE users ADD COLUMN email TEXT;
ALTER TABLE users ADD COLUMN reminder_channel TEXT CHECK (reminder_channel IN ('email', 'webhook', 'none'));
ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT 'vi' CHECK (language IN ('vi', 'en'));

ALTER TABLE settings ADD COLUMN reminders TEXT NOT NULL DEFAULT '{"enabled":false,"later":null}';
ALTER TABLE settings ADD COLUMN sender_holder TEXT;
ALTER TABLE settings ADD COLUMN sender_until TEXT;

CREATE TABLE reminder_rounds (
  unit_id    TEXT NOT NULL,
  week       TEXT NOT NULL,
  round      TEXT NOT NULL CHECK (round IN ('due', 'later', 'manual')),
  decided_at TEXT NOT NULL,
  decided_by BIGINT,
  PRIMARY KEY (unit_id, week, round)
);

CREATE TABLE outbox (
  id         BIGSERIAL PRIMARY KEY,
  unit_id    TEXT NOT NULL,
  week       TEXT NOT NULL,
  round      TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('commune', 'summary')),
  user_id    BIGINT REFERENCES users (id) ON DELETE SET NULL,
  recipient  TEXT NOT NULL,
  channel    TEXT NOT NULL CHECK (channel IN ('email', 'webhook')),
  address    TEXT NOT NULL,
  subject    TEXT NOT NULL,
  body       TEXT NOT NULL,
  payload    TEXT NOT NULL,
  status     TEXT NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'sent', 'failed', 'cancelled')),
  attempts   INTEGER NOT NULL DEFAULT 0,
  next_at    TEXT NOT NULL,
  last_error TEXT,
  created_at TEXT NOT NULL,
  sent_at    TEXT,
  UNIQUE (unit_id, week, round, recipient, channel)
);
CREATE INDEX outbox_waiting ON outbox (status, next_at);
CREATE INDEX outbox_week ON outbox (week);

CREATE TABLE outbox_attempts (
  outbox_id BIGINT NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
  at        TEXT NOT NULL,
  ok        INTEGER NOT NULL CHECK (ok IN (0, 1)),
  error     TEXT
);
CREATE INDEX outbox_attempts_message ON outbox_attempts (outbox_id);
