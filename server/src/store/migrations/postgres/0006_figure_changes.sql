-- Which reporting units each raise of the figures version changed (see migrations/sqlite).
CREATE TABLE figure_changes (
  version BIGINT NOT NULL,
  unit_id TEXT
);
CREATE INDEX figure_changes_version ON figure_changes (version);
