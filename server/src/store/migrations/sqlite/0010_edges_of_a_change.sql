-- Edges of a change of units. A code has at most one open version (no end): a change applied twice,
-- or two at once, can never leave two.
CREATE UNIQUE INDEX unit_versions_one_open ON unit_versions (id) WHERE valid_to IS NULL;

-- An account answers for one unit *version* (its code and the day it began), never a bare code: the
-- new commune of Tây Sơn reuses the code of the town of Phú Phong, whose 2024 figures are not the
-- new commune's accounts' to touch. Existing accounts: the version of their code when they were made.
ALTER TABLE users ADD COLUMN unit_from TEXT;
UPDATE users SET unit_from = (
  SELECT max(v.valid_from) FROM unit_versions v
  WHERE v.id = users.unit_id AND v.valid_from <= substr(users.created_at, 1, 10)
) WHERE unit_id IS NOT NULL;
UPDATE users SET unit_from = (SELECT min(v.valid_from) FROM unit_versions v WHERE v.id = users.unit_id)
WHERE unit_id IS NOT NULL AND unit_from IS NULL;

-- A deployment set up without the demo has no campaign until its admin makes one: the current
-- campaign may be none.
CREATE TABLE settings_new (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  home_unit   TEXT REFERENCES units (id),
  home_from   TEXT,
  campaign_id INTEGER REFERENCES campaigns (id),
  due_days    INTEGER NOT NULL DEFAULT 1 CHECK (due_days BETWEEN 0 AND 6),
  due_time    TEXT NOT NULL DEFAULT '12:00',
  document    TEXT NOT NULL DEFAULT '{}'
) STRICT;
INSERT INTO settings_new SELECT id, home_unit, home_from, campaign_id, due_days, due_time, document FROM settings;
DROP TABLE settings;
ALTER TABLE settings_new RENAME TO settings;
