ALTER TABLE units DROP CONSTRAINT units_kind_check;
ALTER TABLE units ADD CONSTRAINT units_kind_check
  CHECK (kind IN ('country', 'province', 'district', 'commune', 'town', 'ward', 'village'));
