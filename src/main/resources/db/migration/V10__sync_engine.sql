-- Sync engine (issue 7, docs/adr/0009): schedule slots that make a scheduled run unique across replicas, the worker
-- of each attempt in the history, an index for the claim, and the durable incremental cursor per venue and provider.

-- The fire time of the schedule that enqueued a job (null for jobs enqueued through the API). Every replica's
-- scheduler inserts the same slot with ON CONFLICT DO NOTHING, so a fire time runs once however many replicas tick.
ALTER TABLE sync_queue ADD COLUMN scheduled_for timestamptz;
CREATE UNIQUE INDEX sync_queue_scheduled_slot_key ON sync_queue (tenant_id, venue_id, integration_type, scheduled_for);
COMMENT ON COLUMN sync_queue.scheduled_for IS 'fire time of the sync schedule that enqueued the job; null when enqueued through the API';

-- The claim takes due jobs across tenants in (priority, age) order: the one secondary index not led by tenant_id
-- besides webhook_endpoints_token_hash_key (docs/adr/0009): a queue claimed by workers of all tenants needs one global
-- order, and without it every claim would sort all waiting jobs. Partial: finished jobs leave it.
CREATE INDEX sync_queue_claim_idx ON sync_queue (priority DESC, created_at, id) WHERE status = 'PENDING';

-- Who ran the attempt (the lease owner), so a repeated completion by the same worker answers the same result.
ALTER TABLE sync_logs ADD COLUMN worker_id text;
COMMENT ON COLUMN sync_logs.worker_id IS 'lease owner (worker id) that ran the attempt; null for a job cancelled before it ran';

-- The incremental cursor of the last successful sync per venue and provider, handed to the next claim.
CREATE TABLE sync_cursors (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id         uuid NOT NULL,
  venue_id          uuid NOT NULL,  -- references venues(id) in venue-service
  integration_type  text NOT NULL,
  cursor            text NOT NULL CHECK (length(cursor) <= 4000),
  sync_job_id       uuid,           -- the job that reported it (no FK: the cursor outlives a purged job)
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT sync_cursors_venue_type_key UNIQUE (tenant_id, venue_id, integration_type)
);
COMMENT ON COLUMN sync_cursors.venue_id IS 'references venues(id) in venue-service (no FK across services)';

ALTER TABLE sync_cursors ENABLE ROW LEVEL SECURITY;
ALTER TABLE sync_cursors FORCE ROW LEVEL SECURITY;
CREATE POLICY sync_cursors_tenant_isolation ON sync_cursors FOR ALL
  USING (tenant_id = NULLIF(current_setting('app.current_tenant_id', true), '')::uuid OR integration_system_bypass())
  WITH CHECK (tenant_id = NULLIF(current_setting('app.current_tenant_id', true), '')::uuid OR integration_system_bypass());
