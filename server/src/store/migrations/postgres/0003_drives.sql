CREATE TABLE drives (
  id            BIGSERIAL PRIMARY KEY,
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
  created_at    TEXT NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  updated_at    TEXT NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  CHECK (end_time IS NULL OR start_time IS NULL OR end_time > start_time)
);
CREATE INDEX drives_unit_date ON drives (unit_id, date);
CREATE INDEX drives_date ON drives (date);
