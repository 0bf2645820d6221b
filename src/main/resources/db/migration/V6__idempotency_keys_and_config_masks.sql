-- Idempotency-Key support for creating POSTs (one row per tenant and key) and the masks of integration_configs'
-- legacy secrets (write-only in the API, so the masks are what responses carry).

CREATE TABLE idempotency_keys (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id         uuid NOT NULL,
  idempotency_key   text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 255),
  request_hash      text NOT NULL,           -- SHA-256 (hex) of method, path and body bytes
  status            text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'COMPLETED')),
  response_status   integer,
  response_body     text,                    -- the stored JSON response, replayed byte for byte
  response_headers  jsonb NOT NULL DEFAULT '{}'::jsonb,
  expires_at        timestamptz NOT NULL,    -- PENDING: when another request may take over; COMPLETED: end of replay
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT idempotency_keys_tenant_key_key UNIQUE (tenant_id, idempotency_key),
  CONSTRAINT idempotency_keys_completed_has_response CHECK (status = 'PENDING' OR response_status IS NOT NULL)
);
CREATE INDEX idempotency_keys_tenant_expires_idx ON idempotency_keys (tenant_id, expires_at);

-- Same policy as every tenant table (V3).
ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY idempotency_keys_tenant_isolation ON idempotency_keys FOR ALL
  USING (tenant_id = NULLIF(current_setting('app.current_tenant_id', true), '')::uuid OR integration_system_bypass())
  WITH CHECK (tenant_id = NULLIF(current_setting('app.current_tenant_id', true), '')::uuid OR integration_system_bypass());

ALTER TABLE integration_configs ADD COLUMN access_token_mask text;
ALTER TABLE integration_configs ADD COLUMN api_key_mask text;
