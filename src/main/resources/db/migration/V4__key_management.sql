-- Platform tables of the credential vault (not tenant data, so no tenant_id; see docs/adr/0004):
--   kms_key_versions  : which key-encryption key version is active or retired, shared by every replica
--   key_rotation_runs : resumable re-wrap runs, with progress and a lease so one replica works on a run at a time
-- Only the worker login may touch them, and only with the system flag (RLS below); the API login has no grant.

CREATE TABLE kms_key_versions (
  key_ref     text PRIMARY KEY,                     -- "<key id>:<version>"
  state       text NOT NULL CHECK (state IN ('ACTIVE', 'ENABLED', 'RETIRED')),
  changed_by  text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX kms_key_versions_one_active ON kms_key_versions ((true)) WHERE state = 'ACTIVE';

CREATE TABLE key_rotation_runs (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  target_key_ref    text NOT NULL,
  status            text NOT NULL DEFAULT 'RUNNING'
                      CHECK (status IN ('RUNNING', 'COMPLETED', 'COMPLETED_WITH_ERRORS', 'FAILED')),
  requested_by      text,
  rows_rewrapped    bigint NOT NULL DEFAULT 0,
  batches           integer NOT NULL DEFAULT 0,
  tenant_counts     jsonb NOT NULL DEFAULT '{}'::jsonb,  -- rows re-wrapped per tenant, for the activity logs
  failed_rows       jsonb NOT NULL DEFAULT '[]'::jsonb,  -- rows whose data key did not unwrap: {table, id, tenant, reason}
  last_error        text,
  lease_owner       text,
  lease_expires_at  timestamptz,
  started_at        timestamptz NOT NULL DEFAULT now(),
  finished_at       timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
-- At most one rotation runs at a time.
CREATE UNIQUE INDEX key_rotation_runs_one_running ON key_rotation_runs ((true)) WHERE status = 'RUNNING';

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['kms_key_versions', 'key_rotation_runs']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR ALL USING (integration_system_bypass())'
                   || ' WITH CHECK (integration_system_bypass())', t || '_system_only', t);
  END LOOP;
END
$$;

-- Rotation looks for rows whose data keys are not yet under the target key version.
CREATE INDEX connections_tenant_kms_key_idx ON connections (tenant_id, kms_key_id);
CREATE INDEX oauth_tokens_tenant_kms_key_idx ON oauth_tokens (tenant_id, kms_key_id);
CREATE INDEX venue_api_keys_tenant_kms_key_idx ON venue_api_keys (tenant_id, kms_key_id);
CREATE INDEX integration_configs_tenant_kms_key_idx ON integration_configs (tenant_id, kms_key_id);
