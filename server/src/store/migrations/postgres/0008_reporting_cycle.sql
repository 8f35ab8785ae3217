-- As migrations/sqlite/0008: first recording times, approvals, the due rule and the document's heading.
ALTER TABLE reports ADD COLUMN first_recorded_at TEXT;
UPDATE reports SET first_recorded_at = recorded_at;

CREATE TABLE approvals (
  unit_id          TEXT NOT NULL REFERENCES units (id),
  week             TEXT NOT NULL,
  via              TEXT NOT NULL REFERENCES units (id),
  approved_by      INTEGER,
  approved_by_name TEXT NOT NULL,
  approved_at      TEXT NOT NULL,
  PRIMARY KEY (unit_id, week)
);
CREATE INDEX approvals_week ON approvals (week);

ALTER TABLE settings ADD COLUMN due_days INTEGER NOT NULL DEFAULT 1 CHECK (due_days BETWEEN 0 AND 6);
ALTER TABLE settings ADD COLUMN due_time TEXT NOT NULL DEFAULT '12:00';
ALTER TABLE settings ADD COLUMN document TEXT NOT NULL DEFAULT '{}';
