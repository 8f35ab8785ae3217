-- As migrations/sqlite/0007: unit versions, lineage, campaigns over time, settings.
CREATE TABLE unit_versions (
  id         TEXT NOT NULL REFERENCES units (id),
  valid_from TEXT NOT NULL DEFAULT '',
  valid_to   TEXT,
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('country', 'province', 'district', 'commune', 'town', 'ward',
                                           'special_zone', 'village')),
  parent_id  TEXT REFERENCES units (id),
  PRIMARY KEY (id, valid_from),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX unit_versions_parent ON unit_versions (parent_id);
INSERT INTO unit_versions (id, name, kind, parent_id) SELECT id, name, kind, parent_id FROM units;
ALTER TABLE units DROP COLUMN name, DROP COLUMN kind, DROP COLUMN parent_id;

CREATE TABLE unit_lineage (
  date    TEXT NOT NULL,
  from_id TEXT NOT NULL,
  to_id   TEXT NOT NULL REFERENCES units (id),
  share   DOUBLE PRECISION CHECK (share IS NULL OR (share > 0 AND share <= 1)),
  PRIMARY KEY (date, from_id, to_id)
);
CREATE INDEX unit_lineage_to ON unit_lineage (to_id, date);

ALTER TABLE campaign RENAME TO campaigns;
ALTER TABLE campaigns DROP CONSTRAINT campaign_id_check;
ALTER TABLE campaigns ADD CONSTRAINT campaigns_start_before_deadline CHECK (start_date < deadline);

CREATE TABLE settings (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  home_unit   TEXT REFERENCES units (id),
  home_from   TEXT,
  campaign_id INTEGER NOT NULL REFERENCES campaigns (id)
);
INSERT INTO settings (id, campaign_id) VALUES (1, 1);
