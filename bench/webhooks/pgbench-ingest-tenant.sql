-- pgbench script: variant of pgbench-ingest.sql WITHOUT the routing-token lookup: only the tenant transaction,
-- logged in as integration_api itself (set_config('role', 'integration_api', true) is then a no-op kept so the
-- statements are the same as in pgbench-ingest.sql). Same -D variables.
\set r random(1, 4611686018427387903)
BEGIN;
select set_config('role', 'integration_api', true), set_config('app.current_tenant_id', :tenant, true);
select id, webhook_secret_encrypted from venue_api_keys where tenant_id = :tenant and venue_id = :venue and integration_type = 'github' and is_active and webhook_secret_encrypted is not null order by created_at;
insert into integration_webhooks (id, tenant_id, venue_id, integration_type, event_type, provider_event_id, payload, headers, content_type, signature_scheme, signature_valid, outcome, received_at) values (gen_random_uuid(), :tenant, :venue, 'github', 'push', :run::text || '-' || :client_id::text || '-' || :r::text, :payload, cast('{"content-type":"application/json","user-agent":"GitHub-Hookshot/bench","x-github-delivery":"' || :run::text || '-' || :client_id::text || '-' || :r::text || '","x-github-event":"push","x-hub-signature-256":"' || :sig::text || '"}' as jsonb), 'application/json', 'github', true, 'ACCEPTED', now()) on conflict (tenant_id, venue_id, integration_type, provider_event_id) where provider_event_id is not null and outcome = 'ACCEPTED' do nothing returning id \gset
insert into webhooks (id, tenant_id, connection_id, integration_webhook_id, event_type, payload, status, next_attempt_at) values (gen_random_uuid(), :tenant, (select c.id from connections c join integrations i on i.id = c.integration_id where c.tenant_id = :tenant and c.venue_id = :venue and i.provider = 'github' and c.status <> 'DISCONNECTED' order by c.created_at limit 1), :id, 'push', cast(:payload_json::text as jsonb), 'PENDING', now());
COMMIT;
