-- Benchmark data set: :tenants tenants x :rows integrations rows, in one statement, as the postgres superuser
-- (superusers bypass row-level security). Ids are derived from integers so wrk and pgbench can address rows:
--   tenant t  = 00000000-0000-4000-8000-<t as 12 digits>
--   row n of t = 00000000-0000-4000-a<t as 3 digits>-<n as 12 digits>
-- Both are RFC 4122 version-4 / variant-1 shaped UUIDs (checked below). Usage:
--   psql -v ON_ERROR_STOP=1 -v tenants=100 -v rows=1000 -h 127.0.0.1 -p <port> -U postgres -d integration -f load-data.sql
\set ON_ERROR_STOP 1

INSERT INTO integrations (id, tenant_id, name, provider, category, status, description, version, created_at, updated_at)
SELECT ('00000000-0000-4000-a' || lpad(t::text, 3, '0') || '-' || lpad(n::text, 12, '0'))::uuid,
       ('00000000-0000-4000-8000-' || lpad(t::text, 12, '0'))::uuid,
       initcap(p.provider) || ' integration ' || n,
       p.provider,
       p.category,
       CASE WHEN n % 20 = 0 THEN 'INACTIVE' WHEN n % 50 = 1 THEN 'DEPRECATED' ELSE 'ACTIVE' END,
       'Syncs ' || lower(p.category) || ' data with ' || initcap(p.provider) || ' for location ' || (n % 37)
         || '. ' || repeat('Configured by the onboarding team. ', 1 + n % 4),
       n % 5,
       now() - make_interval(mins => t * 1000 + n),
       now() - make_interval(mins => n)
FROM generate_series(1, :tenants) AS t,
     generate_series(1, :rows) AS n,
     LATERAL (SELECT (ARRAY['stripe', 'square', 'toast', 'hubspot', 'mailchimp', 'twilio', 'xero', 'github', 'zapier',
                            'adyen', 'lightspeed', 'salesforce', 'sendgrid', 'slack', 'quickbooks', 'marketo'])[1 + (n + t) % 16]
                     AS provider,
                     (ARRAY['PAYMENT', 'POS', 'POS', 'CRM', 'MARKETING', 'MESSAGING', 'ACCOUNTING', 'DEVELOPER', 'OTHER',
                            'PAYMENT', 'POS', 'CRM', 'EMAIL', 'MESSAGING', 'ACCOUNTING', 'MARKETING'])[1 + (n + t) % 16]
                     AS category) AS p;

-- Every generated id must be a canonical v4/variant-1 UUID and there must be exactly tenants x rows of them.
SELECT count(*) AS bench_rows,
       count(*) FILTER (WHERE id::text !~ '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$'
                           OR tenant_id::text !~ '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$')
         AS malformed
FROM integrations
WHERE tenant_id::text LIKE '00000000-0000-4000-8000-%' \gset
SELECT (:bench_rows = :tenants * :rows AND :malformed = 0) AS load_ok \gset
\if :load_ok
  \echo loaded :bench_rows rows, :malformed malformed ids
\else
  \echo load check failed: :bench_rows rows (expected :tenants x :rows), :malformed malformed ids
  DO $$ BEGIN RAISE EXCEPTION 'benchmark data set check failed'; END $$;
\endif

VACUUM (ANALYZE) integrations;
CHECKPOINT;
