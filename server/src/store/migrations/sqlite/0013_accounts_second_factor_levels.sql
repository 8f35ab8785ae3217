-- Accounts for a province or the nation (docs/accounts.md):
-- * an account's full name and phone (the bulk list), and a password it must change at first sign-in;
-- * a second factor: the TOTP secret (confirmed when `totp_confirmed_at` is set), the last time step
--   accepted (a code is never accepted twice) and single-use recovery codes, kept hashed;
-- * each session's browser and address, so that a user can recognise and end the others;
-- * the roles that must use a second factor (a JSON list; admin by default);
-- * approval by level: a week of a commune may be approved once per level above it (`via`).
ALTER TABLE users ADD COLUMN full_name TEXT;
ALTER TABLE users ADD COLUMN phone TEXT;
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));
ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_confirmed_at TEXT;
ALTER TABLE users ADD COLUMN totp_last_step INTEGER NOT NULL DEFAULT 0;

CREATE TABLE recovery_codes (
  user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code_hash TEXT NOT NULL,
  used_at   TEXT,
  PRIMARY KEY (user_id, code_hash)
) STRICT;

ALTER TABLE sessions ADD COLUMN agent TEXT;
ALTER TABLE sessions ADD COLUMN ip TEXT;

ALTER TABLE settings ADD COLUMN second_factor_roles TEXT NOT NULL DEFAULT '["admin"]';

CREATE TABLE approvals_new (
  unit_id          TEXT NOT NULL REFERENCES units (id),
  week             TEXT NOT NULL,
  via              TEXT NOT NULL REFERENCES units (id),
  approved_by      INTEGER,
  approved_by_name TEXT NOT NULL,
  approved_at      TEXT NOT NULL,
  PRIMARY KEY (unit_id, week, via)
) STRICT;
INSERT INTO approvals_new SELECT unit_id, week, via, approved_by, approved_by_name, approved_at FROM approvals;
DROP TABLE approvals;
ALTER TABLE approvals_new RENAME TO approvals;
CREATE INDEX approvals_week ON approvals (week);
