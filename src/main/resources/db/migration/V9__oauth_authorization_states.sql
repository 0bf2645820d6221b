-- OAuth 2.0 connect flow (ADR 0008): one row per started authorization, single use and short-lived. Only the SHA-256
-- of the state is stored; the PKCE code verifier is sealed through the vault like every other secret column.
CREATE TABLE oauth_authorization_states (
  id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id                uuid NOT NULL,
  state_hash               bytea NOT NULL CHECK (length(state_hash) = 32),
  integration_id           uuid NOT NULL REFERENCES integrations (id) ON DELETE CASCADE,
  venue_id                 uuid NOT NULL,  -- references venues(id) in venue-service
  user_id                  uuid,           -- references users(id) in auth-service
  integration_type         text NOT NULL,
  redirect_uri             text NOT NULL CHECK (length(redirect_uri) <= 2000),
  scopes                   text[] NOT NULL DEFAULT '{}',
  code_verifier_encrypted  bytea,          -- sealed PKCE verifier (always set by the service)
  kms_key_id               text,
  encryption_context       jsonb,
  actor_user_id            text,
  actor_display_name       text,
  expires_at               timestamptz NOT NULL,
  created_at               timestamptz NOT NULL DEFAULT now(),
  updated_at               timestamptz NOT NULL DEFAULT now()
);
COMMENT ON COLUMN oauth_authorization_states.venue_id IS 'references venues(id) in venue-service (no FK across services)';
COMMENT ON COLUMN oauth_authorization_states.user_id IS 'references users(id) in auth-service (no FK across services)';

-- The callback carries only the state, and the state is what tells the tenant (looked up in a system transaction),
-- exactly like an inbound webhook's routing token (ADR 0006, ADR 0008).
CREATE UNIQUE INDEX oauth_authorization_states_state_hash_key ON oauth_authorization_states (state_hash);
CREATE INDEX oauth_authorization_states_tenant_expires_idx ON oauth_authorization_states (tenant_id, expires_at);
CREATE INDEX oauth_authorization_states_tenant_integration_idx ON oauth_authorization_states (tenant_id, integration_id);

ALTER TABLE oauth_authorization_states ENABLE ROW LEVEL SECURITY;
ALTER TABLE oauth_authorization_states FORCE ROW LEVEL SECURITY;
CREATE POLICY oauth_authorization_states_tenant_isolation ON oauth_authorization_states FOR ALL
  USING (tenant_id = NULLIF(current_setting('app.current_tenant_id', true), '')::uuid OR integration_system_bypass())
  WITH CHECK (tenant_id = NULLIF(current_setting('app.current_tenant_id', true), '')::uuid OR integration_system_bypass());

-- Handing a provider access token to an internal service is audited as its own action.
ALTER TABLE integration_activity_logs DROP CONSTRAINT integration_activity_logs_action_check;
ALTER TABLE integration_activity_logs ADD CONSTRAINT integration_activity_logs_action_check
  CHECK (action IN ('CONNECTED', 'DISCONNECTED', 'TEST_SUCCESS', 'TEST_FAILED', 'TOKEN_REFRESHED', 'TOKEN_EXPIRED',
                    'SECRET_REVEALED', 'KEY_ROTATED', 'CREDENTIALS_UPDATED', 'ACCESS_TOKEN_ISSUED',
                    'TOKEN_REFRESH_FAILED'));
