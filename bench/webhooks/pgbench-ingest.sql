-- pgbench script: what the service does for one accepted GitHub webhook, straight on PostgreSQL, statement for
-- statement (see WebhookIngestService, SystemTransactions, TenantTransactions, InboundWebhookRepository):
--   1. the routing-token lookup in a system transaction as integration_worker with the system flag, then
--   2. the tenant transaction as integration_api: bind the tenant, read the venue's webhook secrets, insert the raw
--      event (ON CONFLICT DO NOTHING RETURNING id) and its queue entry, commit.
-- pgbench logs in as bench_ingest, a bench-only role created by run.sh that is a NOINHERIT member of both runtime
-- roles: it has no privileges of its own, and each transaction switches role with set_config('role', ..., true)
-- (= SET LOCAL ROLE) in the same statement that sets the transaction's flag or tenant, so there is no extra round trip,
-- and every statement runs with that role's privileges and row-level security, as on the service's two pools.
-- run.sh passes -D tenant=<uuid> -D venue=<uuid> -D token_hash=\x<sha-256 of the routing token>
--   -D payload=\x<body bytes> -D payload_json=<body text> -D run=<id prefix> -D sig=<signature header value>
-- Delivery ids: <run>-<client id>-<random 62-bit number>; a collision would make \gset fail (no row returned), which
-- pgbench reports as an aborted client, so it cannot pass unnoticed.
\set r random(1, 4611686018427387903)
BEGIN;
select set_config('role', 'integration_worker', true), set_config('app.is_system_user', 'true', true);
select tenant_id, venue_id, integration_type from webhook_endpoints where token_hash = :token_hash and enabled;
COMMIT;
BEGIN;
select set_config('role', 'integration_api', true), set_config('app.current_tenant_id', :tenant, true);
select id, webhook_secret_encrypted from venue_api_keys where tenant_id = :tenant and venue_id = :venue and integration_type = 'github' and is_active and webhook_secret_encrypted is not null order by created_at;
insert into integration_webhooks (id, tenant_id, venue_id, integration_type, event_type, provider_event_id, payload, headers, content_type, signature_scheme, signature_valid, outcome, received_at) values (gen_random_uuid(), :tenant, :venue, 'github', 'push', :run::text || '-' || :client_id::text || '-' || :r::text, :payload, cast('{"content-type":"application/json","user-agent":"GitHub-Hookshot/bench","x-github-delivery":"' || :run::text || '-' || :client_id::text || '-' || :r::text || '","x-github-event":"push","x-hub-signature-256":"' || :sig::text || '"}' as jsonb), 'application/json', 'github', true, 'ACCEPTED', now()) on conflict (tenant_id, venue_id, integration_type, provider_event_id) where provider_event_id is not null and outcome = 'ACCEPTED' do nothing returning id \gset
insert into webhooks (id, tenant_id, connection_id, integration_webhook_id, event_type, payload, status, next_attempt_at) values (gen_random_uuid(), :tenant, (select c.id from connections c join integrations i on i.id = c.integration_id where c.tenant_id = :tenant and c.venue_id = :venue and i.provider = 'github' and c.status <> 'DISCONNECTED' order by c.created_at limit 1), :id, 'push', cast(:payload_json::text as jsonb), 'PENDING', now());
COMMIT;
