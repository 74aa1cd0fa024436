-- The role every request's transaction switches to (SET LOCAL ROLE, lib/tenant.ts). Roles are
-- cluster-wide, so several databases on one server share it; create it once, tolerating a race.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'retning_app') THEN
    CREATE ROLE retning_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;
