package io.integration.common.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.integration.tenancy.TenantId;
import io.integration.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;

/**
 * Claims, completes and replays Idempotency-Keys. Each step is its own short tenant transaction, so the key's
 * PENDING row is visible to concurrent requests (and other replicas) while the real work runs.
 */
@ApplicationScoped
public class IdempotencyService {

    private static final Logger LOG = Logger.getLogger(IdempotencyService.class);

    private final IdempotencyRepository repository;
    private final TenantTransactions transactions;
    private final IdempotencyConfig config;

    public IdempotencyService(IdempotencyRepository repository, TenantTransactions transactions,
            IdempotencyConfig config) {
        this.repository = repository;
        this.transactions = transactions;
        this.config = config;
    }

    /**
     * Null when this request now owns the key and must run; otherwise the stored response to replay. Fails with 422
     * for a key used with another request, and with 409 when the first request is still running after the wait.
     */
    public Uni<StoredResponse> claimOrReplay(IdempotencyClaim claim, Context context) {
        return claimOrReplay(claim, context, System.nanoTime() + config.replayWait().toNanos());
    }

    private Uni<StoredResponse> claimOrReplay(IdempotencyClaim claim, Context context, long deadline) {
        Instant now = now();
        return transactions.inTenantTransaction(claim.tenant(), () -> repository
                        .deleteIfExpired(claim.tenant(), claim.key(), now)
                        .chain(() -> repository.insertPending(claim.tenant(), claim.key(), claim.requestHash(),
                                now.plus(config.pendingTimeout())))
                        .chain(owned -> owned ? Uni.createFrom().item(Attempt.OWNED)
                                : repository.findKey(claim.tenant(), claim.key()).map(Attempt::of)))
                .chain(attempt -> attempt.decide(claim, () -> waitThenRetry(claim, context, deadline)));
    }

    private Uni<StoredResponse> waitThenRetry(IdempotencyClaim claim, Context context, long deadline) {
        if (System.nanoTime() > deadline) {
            return Uni.createFrom().failure(new IdempotencyKeyInProgressException());
        }
        return delay(context, config.pollInterval())
                .chain(() -> claimOrReplay(claim, context, deadline));
    }

    /** Stores the response of the request that owned the key; it is replayed until the TTL ends. */
    public Uni<Void> complete(IdempotencyClaim claim, StoredResponse response) {
        return transactions.inTenantTransaction(claim.tenant(), () -> repository.findKey(claim.tenant(), claim.key())
                        .invoke(found -> {
                            if (found != null && found.requestHash.equals(claim.requestHash())) {
                                found.status = IdempotencyRecord.COMPLETED;
                                found.responseStatus = response.status();
                                found.responseBody = response.body();
                                found.responseHeaders = Map.copyOf(response.headers());
                                found.expiresAt = now().plus(config.ttl());
                            }
                        })
                        .call(repository::flush))
                .invoke(() -> LOG.debugf("idempotency key completed tenant=%s status=%d", claim.tenant(),
                        response.status()))
                .replaceWithVoid();
    }

    /** Frees the key of a request that failed, so that a corrected retry with the same key can run. */
    public Uni<Void> release(IdempotencyClaim claim) {
        return transactions.inTenantTransaction(claim.tenant(),
                        () -> repository.deletePending(claim.tenant(), claim.key(), claim.requestHash()))
                .replaceWithVoid();
    }

    /** A non-blocking pause that resumes on the request's Vert.x context, where the reactive session must run. */
    private static Uni<Void> delay(Context context, Duration pause) {
        if (context == null) {
            return Uni.createFrom().failure(new IdempotencyKeyInProgressException());
        }
        return Uni.createFrom().emitter(emitter -> context.owner().setTimer(Math.max(1, pause.toMillis()),
                timer -> context.runOnContext(ignored -> emitter.complete(null))));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** What the claim found: the key is ours, or someone else's row (pending or completed), or it just vanished. */
    private record Attempt(boolean owned, IdempotencyRecord existing) {

        static final Attempt OWNED = new Attempt(true, null);

        static Attempt of(IdempotencyRecord existing) {
            return new Attempt(false, existing);
        }

        Uni<StoredResponse> decide(IdempotencyClaim claim, Supplier<Uni<StoredResponse>> retry) {
            if (owned) {
                return Uni.createFrom().nullItem();
            }
            if (existing == null) {
                // The first request failed and released the key between our insert and our read: try again.
                return retry.get();
            }
            if (!existing.requestHash.equals(claim.requestHash())) {
                return Uni.createFrom().failure(new IdempotencyKeyReusedException());
            }
            if (IdempotencyRecord.COMPLETED.equals(existing.status)) {
                return Uni.createFrom().item(new StoredResponse(existing.responseStatus, existing.responseBody,
                        existing.responseHeaders == null ? Map.of() : existing.responseHeaders));
            }
            return retry.get();
        }
    }
}
