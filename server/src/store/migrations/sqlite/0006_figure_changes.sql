-- Which reporting units each raise of the figures version changed (unit_id NULL: any of them, as
-- a change of units or of the campaign). A process that kept per-unit results at an older version
-- forgets just those units. Only the latest versions are kept (areas/context.ts).
CREATE TABLE figure_changes (
  version INTEGER NOT NULL,
  unit_id TEXT
) STRICT;
CREATE INDEX figure_changes_version ON figure_changes (version);
