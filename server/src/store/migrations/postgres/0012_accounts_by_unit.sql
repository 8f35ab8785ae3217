-- Every account may be bound to a unit: police, admin and viewer accounts of a province or a district
-- act within it (roles.ts `can`); a commune account still needs its commune.
DO $$
DECLARE
  old_check text;
BEGIN
  SELECT conname INTO old_check FROM pg_constraint
  WHERE conrelid = 'users'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%unit_id IS NOT NULL%';
  EXECUTE format('ALTER TABLE users DROP CONSTRAINT %I', old_check);
END $$;
ALTER TABLE users ADD CONSTRAINT users_commune_has_unit CHECK (role <> 'commune' OR unit_id IS NOT NULL);
