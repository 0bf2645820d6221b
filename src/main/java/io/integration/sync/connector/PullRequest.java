package io.integration.sync.connector;

import java.util.Objects;
import java.util.UUID;

import io.integration.tenancy.TenantId;

/**
 * One run of the pull connector for a venue and provider. {@code connectionId} may be null (the venue's one
 * connection to the provider is used); {@code previousCursor} is the cursor of the last successful run, if any;
 * {@code jobId} identifies the queue job so the batch ids of a retried job repeat (null: a fresh id per run).
 */
public record PullRequest(TenantId tenant, UUID venueId, String provider, UUID connectionId, PullMode mode,
        String previousCursor, UUID jobId) {

    public PullRequest {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(venueId, "venueId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(mode, "mode");
        jobId = jobId == null ? UUID.randomUUID() : jobId;
    }
}
