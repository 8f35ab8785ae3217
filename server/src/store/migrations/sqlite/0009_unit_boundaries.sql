-- Boundaries uploaded for the map (GeoJSON geometries, as text), one per unit version.
CREATE TABLE unit_boundaries (
  unit_id    TEXT NOT NULL REFERENCES units (id),
  valid_from TEXT NOT NULL,
  geometry   TEXT NOT NULL,
  PRIMARY KEY (unit_id, valid_from)
) STRICT;
