package io.integration.oauth;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.integration.tenancy.SystemTransactions;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Refreshes, on every replica, tokens that expire within the margin and tokens idle longer than
 * {@code integration.oauth.idle-refresh-age}. Candidates are read across tenants; each is then refreshed through the
 * one locked path, skipping a token another replica or a request is refreshing (SKIP LOCKED) and re-checking under
 * the lock that it is still due, so replicas never refresh the same token twice.
 */
@ApplicationScoped
public class OAuthTokenRefreshJob {

    private static final Logger LOG = Logger.getLogger(OAuthTokenRefreshJob.class);

    private final SystemTransactions system;
    private final TokenRefresher refresher;
    private final OAuthConfig config;

    public OAuthTokenRefreshJob(SystemTransactions system, TokenRefresher refresher, OAuthConfig config) {
        this.system = system;
        this.refresher = refresher;
        this.config = config;
    }

    @Scheduled(every = "${integration.oauth.refresh-interval:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledTick() {
        return refreshDueTokens()
                .onFailure().invoke(e -> LOG.errorf("oauth refresh tick failed: %s", e.getClass().getName()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** One pass: refreshes up to refresh-batch-size due tokens one after the other; returns how many were refreshed. */
    public Uni<Integer> refreshDueTokens() {
        return system.inSystemTransaction(c -> OAuthTokenRows.purgeStaleStates(c)
                        .chain(() -> OAuthTokenRows.findDue(c, config.refreshMargin(), config.idleRefreshAge(),
                                config.refreshBatchSize())))
                .onItem().transformToMulti(due -> Multi.createFrom().iterable(due))
                .onItem().transformToUniAndConcatenate(d -> refresher.refreshIfDue(d.tenant(), d.venueId(), d.provider()))
                .collect().asList()
                .map(results -> (int) results.stream().filter(Boolean::booleanValue).count())
                .invoke(count -> {
                    if (count > 0) {
                        LOG.infof("oauth refresh tick refreshed %d token(s)", count);
                    }
                });
    }
}
