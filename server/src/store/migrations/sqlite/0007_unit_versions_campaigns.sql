-- Units that change (docs/figures.md): `units` keeps one row per code the deployment has held, which
-- reports, drives and accounts refer to; the versions of each code, each valid over
-- [valid_from, valid_to), are in unit_versions. Every unit so far is valid from the start, no end.
CREATE TABLE unit_versions (
  id         TEXT NOT NULL REFERENCES units (id),
  -- '' is "from the start"; NULL valid_to is "no end".
  valid_from TEXT NOT NULL DEFAULT '',
  valid_to   TEXT,
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('country', 'province', 'district', 'commune', 'town', 'ward',
                                           'special_zone', 'village')),
  parent_id  TEXT REFERENCES units (id),
  PRIMARY KEY (id, valid_from),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
) STRICT;
CREATE INDEX unit_versions_parent ON unit_versions (parent_id);
INSERT INTO unit_versions (id, name, kind, parent_id) SELECT id, name, kind, parent_id FROM units;

CREATE TABLE unit_codes (id TEXT PRIMARY KEY) STRICT;
INSERT INTO unit_codes (id) SELECT id FROM units;
DROP TABLE units;
ALTER TABLE unit_codes RENAME TO units;

-- A change of units: on `date` the version of from_id that ends went, whole (share 1) or in part,
-- into the version of to_id that begins. share NULL: divided, shares not given yet. from_id is not
-- a reference: a predecessor outside the deployment's area is named without being held.
CREATE TABLE unit_lineage (
  date    TEXT NOT NULL,
  from_id TEXT NOT NULL,
  to_id   TEXT NOT NULL REFERENCES units (id),
  share   REAL CHECK (share IS NULL OR (share > 0 AND share <= 1)),
  PRIMARY KEY (date, from_id, to_id)
) STRICT;
CREATE INDEX unit_lineage_to ON unit_lineage (to_id, date);

-- Campaigns over time: the deployment keeps them all; settings names the current one.
CREATE TABLE campaigns (
  id               INTEGER PRIMARY KEY,
  name             TEXT NOT NULL,
  start_date       TEXT NOT NULL,
  deadline         TEXT NOT NULL,
  target_coverage  REAL NOT NULL CHECK (target_coverage > 0 AND target_coverage <= 1),
  target_linking   REAL NOT NULL CHECK (target_linking > 0 AND target_linking <= 1),
  tolerance_points REAL NOT NULL CHECK (tolerance_points >= 0),
  stale_days       INTEGER NOT NULL CHECK (stale_days > 0),
  pace_window_days INTEGER NOT NULL CHECK (pace_window_days > 0),
  CHECK (start_date < deadline)
) STRICT;
INSERT INTO campaigns SELECT id, name, start_date, deadline, target_coverage, target_linking, tolerance_points,
  stale_days, pace_window_days FROM campaign;
DROP TABLE campaign;

-- The deployment's own choices, made from the web: its area (a unit version: code and valid_from;
-- NULL until chosen, when the HOME_UNIT setting stands in) and the current campaign.
CREATE TABLE settings (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  home_unit   TEXT REFERENCES units (id),
  home_from   TEXT,
  campaign_id INTEGER NOT NULL REFERENCES campaigns (id)
) STRICT;
INSERT INTO settings (id, campaign_id) VALUES (1, 1);
