CREATE TABLE units (
  id        TEXT PRIMARY KEY,
  name      TEXT NOT NULL,
  kind      TEXT NOT NULL CHECK (kind IN ('province', 'district', 'commune', 'town', 'ward', 'village')),
  parent_id TEXT REFERENCES units (id)
) STRICT;
CREATE INDEX units_parent ON units (parent_id);

-- One row: the campaign this deployment steers.
CREATE TABLE campaign (
  id               INTEGER PRIMARY KEY CHECK (id = 1),
  name             TEXT NOT NULL,
  start_date       TEXT NOT NULL,
  deadline         TEXT NOT NULL,
  target_coverage  REAL NOT NULL CHECK (target_coverage > 0 AND target_coverage <= 1),
  target_linking   REAL NOT NULL CHECK (target_linking > 0 AND target_linking <= 1),
  tolerance_points REAL NOT NULL CHECK (tolerance_points >= 0),
  stale_days       INTEGER NOT NULL CHECK (stale_days > 0),
  pace_window_days INTEGER NOT NULL CHECK (pace_window_days > 0)
) STRICT;
INSERT INTO campaign VALUES (1, 'Tài khoản định danh điện tử mức 2 — 100% trước 01/07/2024',
  '2024-02-03', '2024-07-01', 1.0, 1.0, 1.0, 7, 28);

-- At most one report per reporting unit and date (the date the figures describe).
CREATE TABLE reports (
  unit_id     TEXT NOT NULL REFERENCES units (id),
  date        TEXT NOT NULL,
  population  INTEGER NOT NULL CHECK (population >= 0),
  level2      INTEGER NOT NULL CHECK (level2 >= 0),
  dual        INTEGER NOT NULL CHECK (dual >= 0 AND dual <= level2),
  linked      INTEGER NOT NULL CHECK (linked >= 0 AND linked <= dual),
  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (unit_id, date)
) STRICT, WITHOUT ROWID;
CREATE INDEX reports_date ON reports (date);
