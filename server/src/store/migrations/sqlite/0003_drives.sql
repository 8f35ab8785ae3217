-- Outreach drives: a planned session of a Youth Union team in a commune (optionally one village).
CREATE TABLE drives (
  id            INTEGER PRIMARY KEY,
  unit_id       TEXT NOT NULL REFERENCES units (id),
  village_id    TEXT REFERENCES units (id),
  date          TEXT NOT NULL,
  start_time    TEXT,
  end_time      TEXT,
  team          TEXT NOT NULL,
  planned       INTEGER NOT NULL CHECK (planned >= 0),
  status        TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'done', 'cancelled')),
  registrations INTEGER CHECK (registrations >= 0),
  linked        INTEGER CHECK (linked >= 0),
  notes         TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (end_time IS NULL OR start_time IS NULL OR end_time > start_time)
) STRICT;
CREATE INDEX drives_unit_date ON drives (unit_id, date);
CREATE INDEX drives_date ON drives (date);
