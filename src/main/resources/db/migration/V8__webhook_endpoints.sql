-- Inbound webhook endpoints: one per venue and provider, addressed by an opaque routing token. Only the token's
-- SHA-256 is stored; the token is shown once when the endpoint is created or its token rotated.
CREATE TABLE webhook_endpoints (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id         uuid NOT NULL,
  venue_id          uuid NOT NULL,  -- references venues(id) in venue-service
  integration_type  text NOT NULL,
  token_hash        bytea NOT NULL CHECK (length(token_hash) = 32),
  subscriber_url    text,           -- internal URL accepted events are delivered to, signed by this service
  enqueue_sync      boolean NOT NULL DEFAULT false,
  enabled           boolean NOT NULL DEFAULT true,
  version           bigint NOT NULL DEFAULT 0,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT webhook_endpoints_venue_type_key UNIQUE (tenant_id, venue_id, integration_type)
);
COMMENT ON COLUMN webhook_endpoints.venue_id IS 'references venues(id) in venue-service (no FK across services)';

-- The one index that does not lead with tenant_id: an inbound request carries only the token, and the token is what
-- tells the tenant (looked up in a system transaction). See docs/adr/0006.
CREATE UNIQUE INDEX webhook_endpoints_token_hash_key ON webhook_endpoints (token_hash);

ALTER TABLE webhook_endpoints ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_endpoints FORCE ROW LEVEL SECURITY;
CREATE POLICY webhook_endpoints_tenant_isolation ON webhook_endpoints FOR ALL
  USING (tenant_id = NULLIF(current_setting('app.current_tenant_id', true), '')::uuid OR integration_system_bypass())
  WITH CHECK (tenant_id = NULLIF(current_setting('app.current_tenant_id', true), '')::uuid OR integration_system_bypass());
