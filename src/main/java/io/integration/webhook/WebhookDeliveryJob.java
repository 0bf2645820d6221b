package io.integration.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.integration.health.HealthRecorder;
import io.integration.tenancy.SystemTransactions;
import io.integration.tenancy.TenantId;
import io.integration.webhook.signature.StandardWebhooksHeaders;
import io.integration.webhook.signature.StandardWebhooksSecret;
import io.integration.webhook.signature.StandardWebhooksSigner;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Processes queued webhook events on every replica: claims a batch with {@code FOR UPDATE SKIP LOCKED} and a lease
 * (an expired lease returns an event to the queue), delivers each to the endpoint's internal subscriber, signed in the
 * Standard Webhooks format, and/or enqueues a WEBHOOK sync job, then completes it — only while it still holds the
 * lease, so a completion is never applied twice. Each delivery attempt feeds the venue's integration health in the
 * transaction that settles the event. Failures retry with exponential backoff and jitter, then the event
 * is DEAD and visible through the API.
 *
 * <p>On shutdown the replica stops claiming, lets deliveries already in flight finish (bounded by
 * {@code integration.webhooks.shutdown-drain}), and hands back the lease of every event it still holds: such an event
 * is PENDING again with its attempt not counted, so another replica takes it at once instead of after the lease.
 */
@ApplicationScoped
public class WebhookDeliveryJob {

    private static final Logger LOG = Logger.getLogger(WebhookDeliveryJob.class);

    private static final String CLAIM = "with claimed as ("
            + " update webhooks set status = 'PROCESSING', lease_owner = $1,"
            + " lease_expires_at = now() + $2 * interval '1 millisecond', attempts = attempts + 1, updated_at = now()"
            + " where id in (select id from webhooks where (status = 'PENDING' and next_attempt_at <= now())"
            + " or (status = 'PROCESSING' and lease_expires_at < now()) order by next_attempt_at limit $3"
            + " for update skip locked) returning id, tenant_id, integration_webhook_id, attempts, max_attempts)"
            + " select c.id, c.tenant_id, c.attempts, c.max_attempts, iw.payload, iw.venue_id, iw.integration_type,"
            + " e.subscriber_url, coalesce(e.enqueue_sync, false) as enqueue_sync from claimed c"
            + " left join integration_webhooks iw on iw.id = c.integration_webhook_id"
            + " left join webhook_endpoints e on e.tenant_id = iw.tenant_id and e.venue_id = iw.venue_id"
            + " and e.integration_type = iw.integration_type";

    /** Back to the queue: the lease is dropped and the claim's attempt is not counted; next_attempt_at is kept. */
    private static final String RELEASE = "update webhooks set status = 'PENDING', attempts = greatest(attempts - 1, 0),"
            + " lease_owner = null, lease_expires_at = null, updated_at = now()";

    private final SystemTransactions system;
    private final HealthRecorder health;
    private final WebhooksConfig config;
    private final WebClient client;
    private final StandardWebhooksSigner signer = new StandardWebhooksSigner();
    private final String owner = "replica-" + UUID.randomUUID();
    /** Events whose delivery has started and is not yet settled (delivered or rescheduled). */
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean stopping;

    public WebhookDeliveryJob(SystemTransactions system, HealthRecorder health, WebhooksConfig config, Vertx vertx) {
        this.system = system;
        this.health = health;
        this.config = config;
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) config.deliveryTimeout().toMillis())
                .setUserAgent("integration-service-webhooks")
                .setFollowRedirects(false));
    }

    record Claimed(UUID id, TenantId tenant, int attempts, int maxAttempts, byte[] payload, UUID venueId,
            String provider, String subscriberUrl, boolean enqueueSync) {
    }

    @Scheduled(every = "${integration.webhooks.poll-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledTick() {
        return deliverBatch(config.batchSize())
                .onFailure().invoke(e -> LOG.errorf("webhook delivery tick failed: %s", e.getClass().getName()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Claims up to {@code max} due events and processes them; returns how many were claimed. */
    public Uni<Integer> deliverBatch(int max) {
        return claim(max)
                .chain(claimed -> Multi.createFrom().iterable(claimed)
                        .onItem().transformToUni(this::process).merge(8)
                        .collect().asList()
                        // process() emits null items, which a Multi drops: count the claims, not the list.
                        .replaceWith(claimed.size()));
    }

    /** Claims up to {@code max} due events under this replica's lease without processing them; none once stopping. */
    Uni<List<Claimed>> claim(int max) {
        if (stopping) {
            return Uni.createFrom().item(List.of());
        }
        return system.inSystemTransaction(connection -> connection.preparedQuery(CLAIM)
                .execute(Tuple.of(owner, config.lease().toMillis(), max))
                .map(rows -> {
                    List<Claimed> claimed = new ArrayList<>();
                    for (Row row : rows) {
                        claimed.add(new Claimed(row.getUUID("id"), new TenantId(row.getUUID("tenant_id")),
                                row.getInteger("attempts"), row.getInteger("max_attempts"),
                                row.getBuffer("payload") == null ? new byte[0] : row.getBuffer("payload").getBytes(),
                                row.getUUID("venue_id"), row.getString("integration_type"),
                                row.getString("subscriber_url"), row.getBoolean("enqueue_sync")));
                    }
                    return claimed;
                }));
    }

    /** Shutdown has begun (the pre-shutdown delay, while readiness is already DOWN): claim nothing more. */
    void onShutdownDelay(@Observes ShutdownDelayInitiatedEvent event) {
        stopping = true;
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stop();
    }

    /**
     * Stops this replica's delivery: no further claims, deliveries in flight may finish within the drain time, and
     * every event still held goes back to PENDING (attempt not counted) for another replica. Blocks; returns how many
     * leases were handed back.
     */
    public int stop() {
        stopping = true;
        long deadline = System.nanoTime() + config.shutdownDrain().toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        int released = system.inSystemTransaction(connection -> connection
                        .preparedQuery(RELEASE + " where lease_owner = $1 and status = 'PROCESSING'")
                        .execute(Tuple.of(owner))
                        .map(rows -> rows.rowCount()))
                .await().atMost(Duration.ofSeconds(10));
        LOG.infof("webhook delivery stopped on %s: %d lease(s) handed back", owner, released);
        return released;
    }

    /** Deliveries started and not yet settled. */
    int inFlight() {
        return inFlight.get();
    }

    /** One HTTP attempt to the subscriber: how it went, for the venue's integration health. */
    private record DeliveryAttempt(boolean success, long durationMs, String error) {
    }

    private Uni<Void> process(Claimed event) {
        if (stopping) {
            return release(event);
        }
        inFlight.incrementAndGet();
        Uni<Void> sync = event.enqueueSync() && event.venueId() != null ? enqueueSync(event) : Uni.createFrom().voidItem();
        return sync.chain(() -> event.subscriberUrl() == null ? Uni.createFrom().<DeliveryAttempt>nullItem() : deliver(event))
                .chain(attempt -> attempt == null || attempt.success() ? complete(event, attempt)
                        : Uni.createFrom().failure(new DeliveryFailedException(attempt)))
                .onFailure().recoverWithUni(failure -> retryOrBury(event, failure))
                .onTermination().invoke(inFlight::decrementAndGet);
    }

    /** Hands an event that was claimed but not started back to the queue, as if it had never been claimed. */
    private Uni<Void> release(Claimed event) {
        return system.inSystemTransaction(connection -> connection
                        .preparedQuery(RELEASE + " where id = $1 and lease_owner = $2 and status = 'PROCESSING'")
                        .execute(Tuple.of(event.id(), owner))
                        .replaceWithVoid());
    }

    /** Sends the signed event; a non-2xx answer or a transport failure is a failed attempt, not a failed Uni. */
    private Uni<DeliveryAttempt> deliver(Claimed event) {
        byte[] key = config.deliverySecret()
                .map(secret -> secret.getBytes(StandardCharsets.US_ASCII))
                .filter(secret -> StandardWebhooksSecret.decodeKey(secret).isPresent())
                .orElseThrow(() -> new IllegalStateException("integration.webhooks.delivery-secret is missing or not whsec_ base64"));
        StandardWebhooksHeaders signature = signer.sign(event.id().toString(), Instant.now(), event.payload(), key);
        HttpRequest<Buffer> request = client.postAbs(event.subscriberUrl())
                .timeout(config.deliveryTimeout().toMillis())
                .putHeader("Content-Type", "application/json");
        signature.asMap().forEach(request::putHeader);
        long started = System.nanoTime();
        return request.sendBuffer(Buffer.buffer(event.payload()))
                .map(response -> response.statusCode() / 100 == 2
                        ? new DeliveryAttempt(true, elapsedMs(started), null)
                        : new DeliveryAttempt(false, elapsedMs(started), "subscriber answered " + response.statusCode()))
                .onFailure().recoverWithItem(failure -> new DeliveryAttempt(false, elapsedMs(started),
                        "delivery failed (" + failure.getClass().getSimpleName() + ")"));
    }

    private static long elapsedMs(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private Uni<Void> enqueueSync(Claimed event) {
        return system.inTenantTransaction(event.tenant(), connection -> connection
                .preparedQuery("insert into sync_queue (tenant_id, venue_id, integration_type, sync_type, payload)"
                        + " values ($1, $2, $3, 'WEBHOOK', jsonb_build_object('webhookEventId', $4::text))")
                .execute(Tuple.of(event.tenant().value(), event.venueId(), event.provider(), event.id().toString()))
                .replaceWithVoid());
    }

    /**
     * Marks the event delivered and records the attempt in the venue's health in the same transaction, bound to the
     * event's tenant, and only while this replica still holds the lease: a worker whose lease expired (the event was
     * claimed again) changes nothing, so no attempt is counted twice.
     */
    private Uni<Void> complete(Claimed event, DeliveryAttempt attempt) {
        return system.inTenantTransaction(event.tenant(), connection -> connection
                .preparedQuery("update webhooks set status = 'DELIVERED', processed_at = now(), last_error = null,"
                        + " lease_owner = null, lease_expires_at = null, updated_at = now()"
                        + " where id = $1 and lease_owner = $2 and status = 'PROCESSING'")
                .execute(Tuple.of(event.id(), owner))
                .chain(updated -> updated.rowCount() == 1 ? recordHealth(connection, event, attempt)
                        : Uni.createFrom().voidItem()));
    }

    private Uni<Void> retryOrBury(Claimed event, Throwable failure) {
        DeliveryAttempt attempt = failure instanceof DeliveryFailedException failed ? failed.attempt : null;
        String error = attempt != null ? attempt.error() : "delivery failed (" + failure.getClass().getSimpleName() + ")";
        boolean dead = event.attempts() >= event.maxAttempts();
        Duration delay = Backoff.delay(event.attempts(), config.backoffBase(), config.backoffMax());
        LOG.infof("webhook event %s attempt %d/%d failed: %s%s", event.id(), event.attempts(), event.maxAttempts(), error,
                dead ? " -> DEAD" : ", retry in " + delay.toMillis() + " ms");
        return system.inTenantTransaction(event.tenant(), connection -> connection
                .preparedQuery("update webhooks set status = $3, last_error = $4,"
                        + " next_attempt_at = now() + $5 * interval '1 millisecond', lease_owner = null,"
                        + " lease_expires_at = null, updated_at = now() where id = $1 and lease_owner = $2")
                .execute(Tuple.of(event.id(), owner, dead ? "DEAD" : "PENDING", error, delay.toMillis()))
                .chain(updated -> updated.rowCount() == 1 ? recordHealth(connection, event, attempt)
                        : Uni.createFrom().voidItem()));
    }

    /** A delivery attempt is an outcome of the venue's integration with the provider; no attempt, no outcome. */
    private Uni<Void> recordHealth(SqlConnection connection, Claimed event, DeliveryAttempt attempt) {
        if (attempt == null || event.venueId() == null || event.provider() == null) {
            return Uni.createFrom().voidItem();
        }
        return health.record(connection, event.tenant(), event.venueId(), event.provider(), attempt.success(),
                attempt.durationMs(), attempt.success() ? null : "webhook delivery: " + attempt.error());
    }

    /** A subscriber's non-2xx answer or a transport failure. */
    static final class DeliveryFailedException extends RuntimeException {
        private final transient DeliveryAttempt attempt;

        DeliveryFailedException(DeliveryAttempt attempt) {
            super(attempt.error(), null, false, false);
            this.attempt = attempt;
        }
    }
}
