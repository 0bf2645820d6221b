-- pgbench script: the transaction the API runs for GET /api/v1/integrations/{id}, as integration_api under RLS.
-- Tenant t and row n are addressed by the same integer scheme as bench/api/load-data.sql and wrk-get.lua; the UUID
-- text is built server-side (a few string functions per statement, negligible next to the round trips).
-- run.sh passes -D tenants=<T> -D rows=<N>.
\set t random(1, :tenants)
\set n random(1, :rows)
BEGIN;
select set_config('app.current_tenant_id', '00000000-0000-4000-8000-' || lpad(:t::text, 12, '0'), true);
SELECT id, tenant_id, name, provider, category, status, description, version, created_at, updated_at FROM integrations WHERE tenant_id = ('00000000-0000-4000-8000-' || lpad(:t::text, 12, '0'))::uuid AND id = ('00000000-0000-4000-a' || lpad(:t::text, 3, '0') || '-' || lpad(:n::text, 12, '0'))::uuid;
COMMIT;
