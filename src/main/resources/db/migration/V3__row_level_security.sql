-- Row-level security on every tenant table, exactly one policy each (DESIGN.md, "Tenant isolation").
-- The tenant predicate is the seed's: a missing or empty app.current_tenant_id yields NULL, so zero rows (fail closed).
-- The system bypass (app.is_system_user = 'true') is honoured only for members of integration_system: the API's
-- login is not one, so a bug that sets the flag on the API pool gains nothing.

CREATE FUNCTION integration_system_bypass() RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT current_setting('app.is_system_user', true) = 'true'
     AND pg_has_role(current_user, 'integration_system', 'MEMBER')
$$;
COMMENT ON FUNCTION integration_system_bypass() IS
  'true only when app.is_system_user is set AND the current role is a member of integration_system';

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'integrations', 'connections', 'integration_activity_logs', 'oauth_tokens', 'venue_api_keys',
    'integration_configs', 'field_mappings', 'field_mapping_templates', 'integration_webhooks', 'webhooks',
    'sync_queue', 'sync_logs', 'integration_health', 'integration_costs']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY %I ON %I FOR ALL '
      || 'USING (tenant_id = NULLIF(current_setting(''app.current_tenant_id'', true), '''')::uuid '
      || 'OR integration_system_bypass()) '
      || 'WITH CHECK (tenant_id = NULLIF(current_setting(''app.current_tenant_id'', true), '''')::uuid '
      || 'OR integration_system_bypass())',
      t || '_tenant_isolation', t);
  END LOOP;
END
$$;
