package io.integration.common.idempotency;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.integration.tenancy.SystemTransactions;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Deletes expired Idempotency-Keys of every tenant, so the table holds about one TTL of keys. */
@ApplicationScoped
public class IdempotencyKeyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeyPurge.class);

    private final SystemTransactions transactions;

    public IdempotencyKeyPurge(SystemTransactions transactions) {
        this.transactions = transactions;
    }

    // Every replica runs it; the DELETE is idempotent, so overlapping runs only repeat a cheap statement.
    @Scheduled(every = "${integration.idempotency.purge-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeExpiredKeys() {
        return transactions.inSystemTransaction(connection -> connection
                        .query("delete from idempotency_keys where expires_at < now()")
                        .execute())
                .invoke(result -> LOG.debugf("purged %d expired idempotency keys", result.rowCount()))
                .replaceWithVoid();
    }
}
