-- Runs after every migrate (Flyway callback): grants and role passwords, idempotent, so the grants always cover
-- every table and a rotated password from configuration is applied at the next start.
GRANT USAGE ON SCHEMA public TO integration_api, integration_worker;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO integration_api, integration_worker;
REVOKE ALL ON TABLE flyway_schema_history FROM integration_api, integration_worker;
-- Platform tables of the vault: the worker only (and RLS lets it in only with the system flag).
REVOKE ALL ON TABLE kms_key_versions, key_rotation_runs FROM integration_api;
GRANT EXECUTE ON FUNCTION integration_system_bypass() TO integration_api, integration_worker;

-- Role passwords are the pools' configured passwords (quarkus.datasource.password / quarkus.datasource.worker.password),
-- applied only when flyway placeholder manageRolePasswords is true (the embedded run; a managed database whose
-- operator sets the passwords leaves it false). Passwords must not contain a single quote.
DO $$
BEGIN
  IF '${manageRolePasswords}' = 'true' THEN
    EXECUTE format('ALTER ROLE integration_api PASSWORD %L', '${apiRolePassword}');
    EXECUTE format('ALTER ROLE integration_worker PASSWORD %L', '${workerRolePassword}');
  END IF;
END
$$;
