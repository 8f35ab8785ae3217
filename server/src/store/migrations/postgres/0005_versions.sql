-- What the app processes keep in memory is checked against these versions (see migrations/sqlite).
CREATE TABLE versions (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  figures BIGINT NOT NULL,
  units   BIGINT NOT NULL
);
INSERT INTO versions VALUES (1, 0, 0);
