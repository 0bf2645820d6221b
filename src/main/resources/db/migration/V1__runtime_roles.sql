-- Runtime roles, created idempotently so a fresh embedded database and a managed one end up the same.
-- Migrations run as the owner role (the role that runs Flyway); the runtime roles own nothing.
--   integration_api    : the API's pool. NOT a member of integration_system, so app.is_system_user gains it nothing.
--   integration_worker : background work (webhook routing, schedulers, key rotation). Member of integration_system.
--   integration_system : NOLOGIN group whose members may use the system bypass of the RLS policies.
-- Passwords are set (when configured) by afterMigrate.sql, never stored in a versioned migration.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'integration_system') THEN
    CREATE ROLE integration_system NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'integration_api') THEN
    CREATE ROLE integration_api LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE INHERIT;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'integration_worker') THEN
    CREATE ROLE integration_worker LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE INHERIT;
  END IF;
END
$$;

-- Membership is granted only when missing, so an operator-managed database without ADMIN on the group passes.
DO $$
BEGIN
  IF NOT pg_has_role('integration_worker', 'integration_system', 'MEMBER') THEN
    GRANT integration_system TO integration_worker;
  END IF;
END
$$;
