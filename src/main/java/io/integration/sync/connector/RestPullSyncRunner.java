package io.integration.sync.connector;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.integration.common.Ids;
import io.integration.common.InvalidRequestException;
import io.integration.sync.ClaimedJob;
import io.integration.sync.SyncCounts;
import io.integration.sync.SyncJobRunner;
import io.integration.sync.SyncResult;
import io.integration.sync.SyncType;
import io.integration.tenancy.TenantId;
import io.smallrye.mutiny.Uni;

/**
 * Runs the built-in worker loop's jobs through the REST pull connector: FULL pulls everything, INCREMENTAL and WEBHOOK
 * (a provider said something changed) pull from the venue's last cursor. Created records are the ones delivered to the
 * destination; a connector failure becomes a failed attempt, retried only when another attempt may help.
 */
@ApplicationScoped
public class RestPullSyncRunner implements SyncJobRunner {

    private final RestPullConnector connector;

    public RestPullSyncRunner(RestPullConnector connector) {
        this.connector = connector;
    }

    @Override
    public Uni<SyncResult> run(ClaimedJob job) {
        PullMode mode = job.syncType() == SyncType.FULL ? PullMode.FULL : PullMode.INCREMENTAL;
        UUID connection;
        try {
            connection = connectionOf(job);
        } catch (InvalidRequestException e) {
            return Uni.createFrom().item(SyncResult.failed(SyncCounts.NONE, e.getMessage(), false));
        }
        PullRequest request = new PullRequest(new TenantId(job.tenantId()), job.venueId(), job.provider(),
                connection, mode, job.cursor(), job.id());
        return Uni.createFrom().deferred(() -> connector.pull(request))
                .map(result -> SyncResult.succeeded(counts(result.fetched(), result.created(), result.failed()),
                        result.cursor()))
                .onFailure(PullFailedException.class).recoverWithItem(failure -> {
                    PullFailedException pull = (PullFailedException) failure;
                    return SyncResult.failed(counts(pull.counts().fetched(), pull.counts().created(),
                            pull.counts().failed()), pull.reason() + ": " + pull.getMessage(), pull.retryable());
                });
    }

    /** A job may name the connection to pull ({@code payload.connectionId}); else the venue's one connection. */
    private static UUID connectionOf(ClaimedJob job) {
        Object connection = job.payload() == null ? null : job.payload().get("connectionId");
        return connection == null ? null : Ids.parseOptional(connection.toString(), "payload.connectionId");
    }

    private static SyncCounts counts(long fetched, long created, long failed) {
        return new SyncCounts(clamp(fetched), clamp(created), 0, 0, clamp(failed));
    }

    private static int clamp(long count) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, count));
    }
}
