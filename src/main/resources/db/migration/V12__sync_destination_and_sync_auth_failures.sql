-- The built-in REST pull connector delivers a venue's mapped records to an internal HTTP endpoint configured on the
-- venue's config for the provider (see docs/adr/0011). NULL: the provider is not pulled by the built-in connector.
ALTER TABLE integration_configs ADD COLUMN destination_url text
  CHECK (destination_url IS NULL OR (length(destination_url) <= 2000 AND destination_url ~ '^https?://[^[:space:]]+$'));
COMMENT ON COLUMN integration_configs.destination_url IS 'internal URL the REST pull connector delivers mapped records to, signed (Standard Webhooks)';

-- A provider rejecting a sync's credentials (401/403) marks the connection ERROR and says so in the activity log.
ALTER TABLE integration_activity_logs DROP CONSTRAINT integration_activity_logs_action_check;
ALTER TABLE integration_activity_logs ADD CONSTRAINT integration_activity_logs_action_check
  CHECK (action IN ('CONNECTED', 'DISCONNECTED', 'TEST_SUCCESS', 'TEST_FAILED', 'TOKEN_REFRESHED', 'TOKEN_EXPIRED',
                    'SECRET_REVEALED', 'KEY_ROTATED', 'CREDENTIALS_UPDATED', 'ACCESS_TOKEN_ISSUED',
                    'TOKEN_REFRESH_FAILED', 'SYNC_AUTH_FAILED'));
