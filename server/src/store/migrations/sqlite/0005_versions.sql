-- What the app processes keep in memory is checked against these versions: every write of reports,
-- units or the campaign raises `figures` in its transaction; a write of units raises `units` too.
CREATE TABLE versions (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  figures INTEGER NOT NULL,
  units   INTEGER NOT NULL
) STRICT;
INSERT INTO versions VALUES (1, 0, 0);

-- Attempts get an id of their own (PostgreSQL has no rowid).
CREATE TABLE login_failures_rebuilt (
  id    INTEGER PRIMARY KEY,
  key   TEXT NOT NULL,
  at_ms INTEGER NOT NULL
) STRICT;
INSERT INTO login_failures_rebuilt (id, key, at_ms) SELECT rowid, key, at_ms FROM login_failures;
DROP TABLE login_failures;
ALTER TABLE login_failures_rebuilt RENAME TO login_failures;
CREATE INDEX login_failures_key ON login_failures (key, at_ms);
