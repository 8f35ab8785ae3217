-- As migrations/sqlite/0009: boundaries uploaded for the map, one per unit version.
CREATE TABLE unit_boundaries (
  unit_id    TEXT NOT NULL REFERENCES units (id),
  valid_from TEXT NOT NULL,
  geometry   TEXT NOT NULL,
  PRIMARY KEY (unit_id, valid_from)
);
