-- The weekly reporting cycle (docs/figures.md): when each report was first recorded (a revision keeps it,
-- so a report on time stays on time), weeks approved for a unit, and the due rule and the weekly
-- document's heading in the settings.
ALTER TABLE reports ADD COLUMN first_recorded_at TEXT;
UPDATE reports SET first_recorded_at = recorded_at;

-- One row per reporting unit and ISO week ("2024-W14") approved; `via` is the unit the approval was
-- given for (a district approves all its communes at once). Approved weeks are locked.
CREATE TABLE approvals (
  unit_id          TEXT NOT NULL REFERENCES units (id),
  week             TEXT NOT NULL,
  via              TEXT NOT NULL REFERENCES units (id),
  approved_by      INTEGER,
  approved_by_name TEXT NOT NULL,
  approved_at      TEXT NOT NULL,
  PRIMARY KEY (unit_id, week)
) STRICT;
CREATE INDEX approvals_week ON approvals (week);

ALTER TABLE settings ADD COLUMN due_days INTEGER NOT NULL DEFAULT 1 CHECK (due_days BETWEEN 0 AND 6);
ALTER TABLE settings ADD COLUMN due_time TEXT NOT NULL DEFAULT '12:00';
ALTER TABLE settings ADD COLUMN document TEXT NOT NULL DEFAULT '{}';
