-- The integration service schema: 13 tables of the consolidated baseline plus the activity log.
-- Every table: tenant_id uuid NOT NULL without default, id uuid from gen_random_uuid(), created_at, updated_at.
-- Indexes lead with tenant_id. Cross-service references (users, venues) are plain columns, never FKs.

CREATE TABLE integrations (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id   uuid NOT NULL,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  provider    text NOT NULL CHECK (provider ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
  category    text NOT NULL CHECK (category IN ('PAYMENT', 'POS', 'CRM', 'EMAIL', 'MESSAGING', 'ACCOUNTING',
                                                'MARKETING', 'DEVELOPER', 'OTHER')),
  status      text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'INACTIVE', 'DEPRECATED')),
  description text CHECK (length(description) <= 2000),
  version     bigint NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT integrations_tenant_name_provider_key UNIQUE (tenant_id, name, provider)
);
CREATE INDEX integrations_tenant_created_idx ON integrations (tenant_id, created_at, id);
CREATE INDEX integrations_tenant_provider_idx ON integrations (tenant_id, provider);

CREATE TABLE connections (
  id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id                uuid NOT NULL,
  integration_id           uuid NOT NULL REFERENCES integrations (id) ON DELETE CASCADE,
  venue_id                 uuid,           -- references venues(id) in venue-service
  user_id                  uuid,           -- references users(id) in auth-service
  status                   text NOT NULL DEFAULT 'DISCONNECTED'
                             CHECK (status IN ('CONNECTED', 'DISCONNECTED', 'ERROR', 'EXPIRED')),
  access_token_encrypted   bytea,
  refresh_token_encrypted  bytea,
  credential_mask          text CHECK (length(credential_mask) <= 16),
  kms_key_id               text,
  encryption_context       jsonb,
  token_version            integer NOT NULL DEFAULT 0,
  token_expires_at         timestamptz,
  scopes                   text[],
  status_reason            text,
  connected_at             timestamptz,
  disconnected_at          timestamptz,
  last_tested_at           timestamptz,
  last_test_status         text CHECK (last_test_status IN ('TEST_SUCCESS', 'TEST_FAILED')),
  last_test_message        text,
  metadata                 jsonb NOT NULL DEFAULT '{}'::jsonb,
  version                  bigint NOT NULL DEFAULT 0,
  created_at               timestamptz NOT NULL DEFAULT now(),
  updated_at               timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT connections_integration_venue_user_key
    UNIQUE NULLS NOT DISTINCT (tenant_id, integration_id, venue_id, user_id)
);
CREATE INDEX connections_tenant_integration_idx ON connections (tenant_id, integration_id);
CREATE INDEX connections_tenant_venue_idx ON connections (tenant_id, venue_id);
COMMENT ON COLUMN connections.venue_id IS 'references venues(id) in venue-service (no FK across services)';
COMMENT ON COLUMN connections.user_id IS 'references users(id) in auth-service (no FK across services)';

CREATE TABLE integration_activity_logs (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id           uuid NOT NULL,
  integration_id      uuid REFERENCES integrations (id) ON DELETE CASCADE,
  connection_id       uuid REFERENCES connections (id) ON DELETE CASCADE,
  action              text NOT NULL CHECK (action IN ('CONNECTED', 'DISCONNECTED', 'TEST_SUCCESS', 'TEST_FAILED',
                                                      'TOKEN_REFRESHED', 'TOKEN_EXPIRED', 'SECRET_REVEALED',
                                                      'KEY_ROTATED', 'CREDENTIALS_UPDATED')),
  actor_user_id       text,           -- the acting principal's subject (users(id) in auth-service, or a service)
  actor_display_name  text,           -- denormalized so the log reads without the auth-service
  details             jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX activity_logs_tenant_integration_idx ON integration_activity_logs (tenant_id, integration_id, created_at DESC);
CREATE INDEX activity_logs_tenant_connection_idx ON integration_activity_logs (tenant_id, connection_id, created_at DESC);
CREATE INDEX activity_logs_tenant_created_idx ON integration_activity_logs (tenant_id, created_at DESC, id);

CREATE TABLE oauth_tokens (
  id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id                uuid NOT NULL,
  venue_id                 uuid NOT NULL,  -- references venues(id) in venue-service
  integration_type         text NOT NULL,  -- provider slug
  access_token_encrypted   bytea,
  refresh_token_encrypted  bytea,
  id_token_encrypted       bytea,
  token_type               text,
  scopes                   text[],
  expires_at               timestamptz,
  refresh_expires_at       timestamptz,
  kms_key_id               text,
  encryption_context       jsonb,
  token_version            integer NOT NULL DEFAULT 0,
  refresh_status           text NOT NULL DEFAULT 'ACTIVE' CHECK (refresh_status IN ('ACTIVE', 'FAILING', 'EXPIRED')),
  refresh_failures         integer NOT NULL DEFAULT 0,
  next_refresh_at          timestamptz,
  last_refreshed_at        timestamptz,
  last_refresh_error       text,
  version                  bigint NOT NULL DEFAULT 0,
  created_at               timestamptz NOT NULL DEFAULT now(),
  updated_at               timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT oauth_tokens_venue_type_key UNIQUE (tenant_id, venue_id, integration_type)
);
CREATE INDEX oauth_tokens_tenant_expires_idx ON oauth_tokens (tenant_id, expires_at);
COMMENT ON COLUMN oauth_tokens.venue_id IS 'references venues(id) in venue-service (no FK across services)';

CREATE TABLE venue_api_keys (
  id                        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id                 uuid NOT NULL,
  venue_id                  uuid NOT NULL,  -- references venues(id) in venue-service
  integration_type          text NOT NULL,
  key_name                  text NOT NULL CHECK (length(key_name) BETWEEN 1 AND 100),
  api_key_encrypted         bytea,
  api_secret_encrypted      bytea,
  webhook_secret_encrypted  bytea,
  api_key_mask              text CHECK (length(api_key_mask) <= 16),
  kms_key_id                text,
  encryption_context        jsonb,
  key_version               integer NOT NULL DEFAULT 1,
  is_active                 boolean NOT NULL DEFAULT true,
  expires_at                timestamptz,
  last_used_at              timestamptz,
  rotated_at                timestamptz,
  version                   bigint NOT NULL DEFAULT 0,
  created_at                timestamptz NOT NULL DEFAULT now(),
  updated_at                timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT venue_api_keys_venue_type_name_key UNIQUE (tenant_id, venue_id, integration_type, key_name)
);
COMMENT ON COLUMN venue_api_keys.venue_id IS 'references venues(id) in venue-service (no FK across services)';

CREATE TABLE integration_configs (
  id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id                uuid NOT NULL,
  venue_id                 uuid NOT NULL,  -- references venues(id) in venue-service
  integration_type         text NOT NULL,
  config                   jsonb NOT NULL DEFAULT '{}'::jsonb,
  enabled                  boolean NOT NULL DEFAULT true,
  sync_enabled             boolean NOT NULL DEFAULT false,
  sync_schedule            text,           -- cron expression or ISO-8601 interval
  sync_cursor              text,           -- incremental cursor of the last successful sync
  last_sync_at             timestamptz,
  access_token_encrypted   bytea,          -- legacy tokens kept by some providers' configs
  refresh_token_encrypted  bytea,
  api_key_encrypted        bytea,
  kms_key_id               text,
  encryption_context       jsonb,
  token_version            integer NOT NULL DEFAULT 0,
  version                  bigint NOT NULL DEFAULT 0,
  created_at               timestamptz NOT NULL DEFAULT now(),
  updated_at               timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT integration_configs_venue_type_key UNIQUE (tenant_id, venue_id, integration_type)
);
COMMENT ON COLUMN integration_configs.venue_id IS 'references venues(id) in venue-service (no FK across services)';

CREATE TABLE field_mappings (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id         uuid NOT NULL,
  connection_id     uuid NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
  source_field      text NOT NULL CHECK (length(source_field) BETWEEN 1 AND 500),
  target_field      text NOT NULL CHECK (length(target_field) BETWEEN 1 AND 500),
  transform         text NOT NULL DEFAULT 'NONE',
  transform_config  jsonb NOT NULL DEFAULT '{}'::jsonb,
  is_required       boolean NOT NULL DEFAULT false,
  position          integer NOT NULL DEFAULT 0,
  version           bigint NOT NULL DEFAULT 0,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT field_mappings_connection_source_target_key UNIQUE (tenant_id, connection_id, source_field, target_field)
);

CREATE TABLE field_mapping_templates (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id         uuid NOT NULL,
  name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  integration_type  text NOT NULL,
  description       text,
  mappings          jsonb NOT NULL DEFAULT '[]'::jsonb,
  is_default        boolean NOT NULL DEFAULT false,
  version           bigint NOT NULL DEFAULT 0,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT field_mapping_templates_type_name_key UNIQUE (tenant_id, integration_type, name)
);

CREATE TABLE integration_webhooks (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id          uuid NOT NULL,
  venue_id           uuid NOT NULL,  -- references venues(id) in venue-service
  integration_type   text NOT NULL,
  event_type         text,
  provider_event_id  text,
  payload            bytea,          -- raw body, byte for byte (NULL for rejected deliveries)
  headers            jsonb NOT NULL DEFAULT '{}'::jsonb,
  content_type       text,
  signature_scheme   text,
  signature_valid    boolean NOT NULL DEFAULT false,
  outcome            text NOT NULL DEFAULT 'ACCEPTED' CHECK (outcome IN ('ACCEPTED', 'DUPLICATE', 'REJECTED')),
  rejection_reason   text,
  received_at        timestamptz NOT NULL DEFAULT now(),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX integration_webhooks_provider_event_key
  ON integration_webhooks (tenant_id, venue_id, integration_type, provider_event_id)
  WHERE provider_event_id IS NOT NULL AND outcome = 'ACCEPTED';
CREATE INDEX integration_webhooks_tenant_received_idx ON integration_webhooks (tenant_id, received_at DESC, id);
COMMENT ON COLUMN integration_webhooks.venue_id IS 'references venues(id) in venue-service (no FK across services)';

CREATE TABLE webhooks (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id               uuid NOT NULL,
  connection_id           uuid REFERENCES connections (id) ON DELETE CASCADE,
  integration_webhook_id  uuid REFERENCES integration_webhooks (id) ON DELETE CASCADE,
  event_type              text NOT NULL,
  payload                 jsonb,
  status                  text NOT NULL DEFAULT 'PENDING'
                            CHECK (status IN ('PENDING', 'PROCESSING', 'DELIVERED', 'DEAD')),
  attempts                integer NOT NULL DEFAULT 0,
  max_attempts            integer NOT NULL DEFAULT 10,
  next_attempt_at         timestamptz NOT NULL DEFAULT now(),
  lease_owner             text,
  lease_expires_at        timestamptz,
  last_error              text,
  processed_at            timestamptz,
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhooks_tenant_status_next_idx ON webhooks (tenant_id, status, next_attempt_at);
CREATE INDEX webhooks_tenant_connection_idx ON webhooks (tenant_id, connection_id);

CREATE TABLE sync_queue (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id         uuid NOT NULL,
  venue_id          uuid NOT NULL,  -- references venues(id) in venue-service
  integration_type  text NOT NULL,
  sync_type         text NOT NULL CHECK (sync_type IN ('FULL', 'INCREMENTAL', 'WEBHOOK')),
  status            text NOT NULL DEFAULT 'PENDING'
                      CHECK (status IN ('PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'DEAD', 'CANCELLED')),
  priority          integer NOT NULL DEFAULT 0,
  attempts          integer NOT NULL DEFAULT 0,
  max_attempts      integer NOT NULL DEFAULT 5,
  next_attempt_at   timestamptz NOT NULL DEFAULT now(),
  lease_owner       text,
  lease_expires_at  timestamptz,
  heartbeat_at      timestamptz,
  started_at        timestamptz,
  finished_at       timestamptz,
  payload           jsonb NOT NULL DEFAULT '{}'::jsonb,
  progress          jsonb NOT NULL DEFAULT '{}'::jsonb,
  last_error        text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sync_queue_tenant_status_next_idx ON sync_queue (tenant_id, status, next_attempt_at);
-- At most one running sync per (venue, integration type), enforced by the database.
CREATE UNIQUE INDEX sync_queue_one_running_key ON sync_queue (tenant_id, venue_id, integration_type)
  WHERE status = 'RUNNING';
COMMENT ON COLUMN sync_queue.venue_id IS 'references venues(id) in venue-service (no FK across services)';

CREATE TABLE sync_logs (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id         uuid NOT NULL,
  sync_job_id       uuid REFERENCES sync_queue (id) ON DELETE CASCADE,
  venue_id          uuid NOT NULL,  -- references venues(id) in venue-service
  integration_type  text NOT NULL,
  sync_type         text NOT NULL CHECK (sync_type IN ('FULL', 'INCREMENTAL', 'WEBHOOK')),
  status            text NOT NULL CHECK (status IN ('SUCCEEDED', 'FAILED', 'CANCELLED')),
  attempt           integer NOT NULL DEFAULT 1,
  started_at        timestamptz NOT NULL,
  finished_at       timestamptz NOT NULL,
  records_fetched   integer NOT NULL DEFAULT 0 CHECK (records_fetched >= 0),
  records_created   integer NOT NULL DEFAULT 0 CHECK (records_created >= 0),
  records_updated   integer NOT NULL DEFAULT 0 CHECK (records_updated >= 0),
  records_deleted   integer NOT NULL DEFAULT 0 CHECK (records_deleted >= 0),
  records_failed    integer NOT NULL DEFAULT 0 CHECK (records_failed >= 0),
  error_message     text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sync_logs_tenant_venue_type_idx ON sync_logs (tenant_id, venue_id, integration_type, started_at DESC);
CREATE INDEX sync_logs_tenant_job_idx ON sync_logs (tenant_id, sync_job_id);
COMMENT ON COLUMN sync_logs.venue_id IS 'references venues(id) in venue-service (no FK across services)';

CREATE TABLE integration_health (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id             uuid NOT NULL,
  venue_id              uuid NOT NULL,  -- references venues(id) in venue-service
  integration_type      text NOT NULL,
  status                text NOT NULL DEFAULT 'UNKNOWN' CHECK (status IN ('HEALTHY', 'DEGRADED', 'DOWN', 'UNKNOWN')),
  success_rate          numeric(5, 2) CHECK (success_rate BETWEEN 0 AND 100),
  uptime_percentage     numeric(5, 2) CHECK (uptime_percentage BETWEEN 0 AND 100),
  total_checks          bigint NOT NULL DEFAULT 0,
  failed_checks         bigint NOT NULL DEFAULT 0,
  consecutive_failures  integer NOT NULL DEFAULT 0,
  avg_response_ms       integer,
  recent_outcomes       jsonb NOT NULL DEFAULT '[]'::jsonb,  -- sliding window for the success rate
  last_success_at       timestamptz,
  last_failure_at       timestamptz,
  last_error            text,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT integration_health_venue_type_key UNIQUE (tenant_id, venue_id, integration_type)
);
COMMENT ON COLUMN integration_health.venue_id IS 'references venues(id) in venue-service (no FK across services)';

CREATE TABLE integration_costs (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id         uuid NOT NULL,
  venue_id          uuid NOT NULL,  -- references venues(id) in venue-service
  integration_type  text NOT NULL,
  period_start      date NOT NULL,
  period_end        date NOT NULL,
  api_calls         bigint NOT NULL DEFAULT 0 CHECK (api_calls >= 0),
  cost              numeric(14, 6) NOT NULL DEFAULT 0 CHECK (cost >= 0),
  currency          char(3) NOT NULL DEFAULT 'USD',
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT integration_costs_period_check CHECK (period_end >= period_start),
  CONSTRAINT integration_costs_venue_type_period_key UNIQUE (tenant_id, venue_id, integration_type, period_start)
);
COMMENT ON COLUMN integration_costs.venue_id IS 'references venues(id) in venue-service (no FK across services)';
