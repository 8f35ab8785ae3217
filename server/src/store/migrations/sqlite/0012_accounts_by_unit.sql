-- Every account may be bound to a unit: police, admin and viewer accounts of a province or a district
-- act within it (roles.ts `can`); a commune account still needs its commune. SQLite changes a CHECK
-- by making the table again.
CREATE TABLE users_new (
  id                  INTEGER PRIMARY KEY,
  username            TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash       TEXT NOT NULL,
  role                TEXT NOT NULL CHECK (role IN ('admin', 'police', 'commune', 'youth', 'viewer')),
  unit_id             TEXT REFERENCES units (id),
  disabled            INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  unit_from           TEXT,
  CHECK (role <> 'commune' OR unit_id IS NOT NULL)
) STRICT;
INSERT INTO users_new (id, username, password_hash, role, unit_id, disabled, created_at, unit_from)
SELECT id, username, password_hash, role, unit_id, disabled, created_at, unit_from FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;
