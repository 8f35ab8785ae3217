-- A deployment may cover a whole country: allow a `country` unit at the top of the hierarchy.
-- SQLite cannot change a CHECK in place, so the table is rebuilt (migrate() runs with foreign keys
-- off and checks them all before committing).
CREATE TABLE units_rebuilt (
  id        TEXT PRIMARY KEY,
  name      TEXT NOT NULL,
  kind      TEXT NOT NULL CHECK (kind IN ('country', 'province', 'district', 'commune', 'town', 'ward', 'village')),
  parent_id TEXT REFERENCES units (id)
) STRICT;
INSERT INTO units_rebuilt (id, name, kind, parent_id) SELECT id, name, kind, parent_id FROM units;
DROP TABLE units;
ALTER TABLE units_rebuilt RENAME TO units;
CREATE INDEX units_parent ON units (parent_id);
