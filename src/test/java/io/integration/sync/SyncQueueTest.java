package io.integration.sync;

import static io.integration.sync.SyncFixtures.count;
import static io.integration.sync.SyncFixtures.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.integration.common.ResourceNotFoundException;
import io.integration.tenancy.SystemTransactions;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

/** The queue's semantics against the real database: exactly-once runs, leases, retries, completion, release. */
@QuarkusTest
class SyncQueueTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    SyncQueue queue;

    @Inject
    SyncConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    io.integration.health.HealthRecorder healthRecorder;

    @Inject
    Vertx vertx;

    @Inject
    Instance<SyncJobRunner> runners;

    @ConfigProperty(name = "quarkus.datasource.worker.reactive.url")
    String workerUrl;

    @ConfigProperty(name = "quarkus.datasource.worker.password")
    String workerPassword;

    private final UUID tenant = UUID.randomUUID();
    private final UUID venue = UUID.randomUUID();
    private final String provider = SyncFixtures.uniqueProvider();

    @Test
    void twoReplicasRunFiveHundredJobsExactlyOnceAndNeverTwoAtOnceForAVenueAndProvider() throws Exception {
        List<UUID> venues = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID());
        List<String> providers = List.of(provider, SyncFixtures.uniqueProvider());
        SyncFixtures.insertJobs(tenant, venues, providers, 500, 5);

        Map<UUID, AtomicInteger> runs = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        SyncJobRunner runner = job -> {
            String key = job.venueId() + "/" + job.provider();
            if (inFlight.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            runs.computeIfAbsent(job.id(), k -> new AtomicInteger()).incrementAndGet();
            return Uni.createFrom().item(SyncResult.succeeded(new SyncCounts(3, 1, 1, 0, 1), "cursor-" + job.id()))
                    .onItem().delayIt().by(Duration.ofMillis(ThreadLocalRandom.current().nextInt(1, 4)))
                    .invoke(() -> inFlight.get(key).decrementAndGet());
        };

        // The second "replica": its own pool and its own queue and loop instances over the same database.
        PgPool otherPool = PgPool.pool(vertx, PgConnectOptions.fromUri(workerUrl).setUser("integration_worker")
                .setPassword(workerPassword), new PoolOptions().setMaxSize(4));
        SyncWorkerLoop otherReplica = new SyncWorkerLoop(new SyncQueue(new SystemTransactions(otherPool), config, mapper, healthRecorder),
                config, runners);
        SyncWorkerLoop thisReplica = new SyncWorkerLoop(queue, config, runners);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> loops = new ArrayList<>();
            loops.add(threads.submit(() -> drain(thisReplica, "replica-a", runner, providers)));
            loops.add(threads.submit(() -> drain(otherReplica, "replica-b", runner, providers)));
            int ran = 0;
            for (Future<Integer> loop : loops) {
                ran += loop.get();
            }
            assertThat(ran).isEqualTo(500);
        } finally {
            threads.shutdownNow();
            otherPool.closeAndAwait();
        }

        assertThat(runs).hasSize(500);
        assertThat(runs.values()).allMatch(n -> n.get() == 1);
        assertThat(overlaps).hasValue(0);
        String mine = "tenant_id = '" + tenant + "'";
        assertThat(count("select count(*) from sync_queue where " + mine + " and status = 'SUCCEEDED' and attempts = 1"))
                .isEqualTo(500);
        assertThat(count("select count(*) from sync_logs where " + mine + " and status = 'SUCCEEDED'")).isEqualTo(500);
        assertThat(count("select count(distinct sync_job_id) from sync_logs where " + mine)).isEqualTo(500);
        assertThat(count("select count(*) from sync_logs where " + mine + " and records_fetched = 3 and records_failed = 1"))
                .isEqualTo(500);
        // The cursor of each (venue, provider) is the one its last job reported.
        assertThat(count("select count(*) from sync_cursors where " + mine)).isEqualTo(10);
    }

    /** Claims and runs until none of the tenant's jobs is left waiting or running; returns how many this loop ran. */
    private int drain(SyncWorkerLoop loop, String owner, SyncJobRunner runner, List<String> providers) throws Exception {
        int ran = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (count("select count(*) from sync_queue where tenant_id = '" + tenant + "' and status in ('PENDING', 'RUNNING')") > 0) {
            assertThat(System.nanoTime()).as("drained in time").isLessThan(deadline);
            ran += loop.claimAndRun(owner, runner, providers, 8).await().atMost(WAIT);
        }
        return ran;
    }

    @Test
    void aWorkerThatDiesMidJobLosesItAtLeaseExpiryAndAnotherFinishesItOnce() throws Exception {
        UUID job = SyncFixtures.insertJob(tenant, venue, provider, 5);
        List<ClaimedJob> first = queue.claim("dying-worker", List.of(provider), 1, Duration.ofSeconds(1)).await().atMost(WAIT);
        assertThat(first).extracting(ClaimedJob::id).containsExactly(job);
        assertThat(first.get(0).attempt()).isEqualTo(1);
        // While the lease runs, nobody else gets the job.
        assertThat(queue.claim("rescuer", List.of(provider), 5, Duration.ofSeconds(30)).await().atMost(WAIT)).isEmpty();

        ClaimedJob retried = claimWithin("rescuer", job, Duration.ofSeconds(10));
        assertThat(retried.attempt()).isEqualTo(2);
        assertThat(string("select status || ' ' || worker_id || ' ' || error_message from sync_logs where sync_job_id = '" + job + "'"))
                .isEqualTo("FAILED dying-worker lease expired: the worker stopped heartbeating");

        SyncAttemptResponse done = queue.complete(job, "rescuer", new SyncCounts(2, 2, 0, 0, 0), null).await().atMost(WAIT);
        assertThat(done.jobStatus()).isEqualTo(SyncJobStatus.SUCCEEDED);
        assertThat(done.log().attempt()).isEqualTo(2);
        // The dead worker coming back has lost the job.
        assertThatThrownBy(() -> queue.complete(job, "dying-worker", SyncCounts.NONE, null).await().atMost(WAIT))
                .isInstanceOf(LeaseNotHeldException.class);
        assertThatThrownBy(() -> queue.heartbeat(job, "dying-worker", Duration.ofSeconds(30), null).await().atMost(WAIT))
                .isInstanceOf(LeaseNotHeldException.class);
        assertThat(SyncFixtures.strings("select status from sync_logs where sync_job_id = '" + job + "' order by attempt"))
                .containsExactly("FAILED", "SUCCEEDED");
        assertThat(string("select status || ' ' || attempts from sync_queue where id = '" + job + "'")).isEqualTo("SUCCEEDED 2");
    }

    @Test
    void anExpiredLeaseOnTheLastAttemptMakesTheJobDead() throws Exception {
        UUID job = SyncFixtures.insertJob(tenant, venue, provider, 1);
        queue.claim("w1", List.of(provider), 1, Duration.ofMillis(100)).await().atMost(WAIT);
        Thread.sleep(300);
        assertThat(queue.reapExpiredLeases().await().atMost(WAIT)).isPositive();
        assertThat(string("select status || ' ' || attempts || ' ' || (finished_at is not null) from sync_queue where id = '" + job + "'"))
                .isEqualTo("DEAD 1 true");
        assertThat(count("select count(*) from sync_logs where sync_job_id = '" + job + "' and status = 'FAILED'")).isEqualTo(1);
    }

    @Test
    void retryableFailuresBackOffExponentiallyThenTheJobIsDead() throws Exception {
        UUID job = SyncFixtures.insertJob(tenant, venue, provider, 3);
        for (int attempt = 1; attempt <= 3; attempt++) {
            claimWithin("w1", job, Duration.ofSeconds(10));
            SyncAttemptResponse failed = queue.fail(job, "w1", new SyncCounts(4, 0, 0, 0, 4), "provider answered 503", true)
                    .await().atMost(WAIT);
            assertThat(failed.log().status()).isEqualTo(SyncLogStatus.FAILED);
            assertThat(failed.log().attempt()).isEqualTo(attempt);
            assertThat(failed.log().records().failed()).isEqualTo(4);
            if (attempt < 3) {
                assertThat(failed.jobStatus()).isEqualTo(SyncJobStatus.PENDING);
                // backoff-base 100ms in tests: attempt n waits 50–100 % of 100 ms × 2^(n-1), capped at 400 ms.
                long delay = count("select (extract(epoch from next_attempt_at - updated_at) * 1000)::bigint from sync_queue"
                        + " where id = '" + job + "'");
                long ceiling = Math.min(100L << (attempt - 1), 400);
                assertThat(delay).isBetween(ceiling / 2 - 1, ceiling + 1);
                assertThat(failed.nextAttemptAt()).isNotNull();
            } else {
                assertThat(failed.jobStatus()).isEqualTo(SyncJobStatus.DEAD);
                assertThat(failed.nextAttemptAt()).isNull();
            }
        }
        assertThat(string("select status || ' ' || attempts || ' ' || last_error from sync_queue where id = '" + job + "'"))
                .isEqualTo("DEAD 3 provider answered 503");
        assertThat(count("select count(*) from sync_logs where sync_job_id = '" + job + "' and status = 'FAILED'")).isEqualTo(3);
        assertThat(queue.claim("w1", List.of(provider), 1, Duration.ofSeconds(30)).await().atMost(WAIT)).isEmpty();
    }

    @Test
    void aNonRetryableFailureIsDeadAtOnce() throws Exception {
        UUID job = SyncFixtures.insertJob(tenant, venue, provider, 5);
        claimWithin("w1", job, Duration.ofSeconds(5));
        SyncAttemptResponse failed = queue.fail(job, "w1", SyncCounts.NONE, "credentials rejected", false).await().atMost(WAIT);
        assertThat(failed.jobStatus()).isEqualTo(SyncJobStatus.DEAD);
        assertThat(string("select status || ' ' || attempts from sync_queue where id = '" + job + "'")).isEqualTo("DEAD 1");
    }

    @Test
    void completionIsIdempotentForTheSameWorkerAndAConflictForAnother() throws Exception {
        UUID job = SyncFixtures.insertJob(tenant, venue, provider, 5);
        claimWithin("owner-1", job, Duration.ofSeconds(5));
        assertThatThrownBy(() -> queue.complete(job, "intruder", SyncCounts.NONE, null).await().atMost(WAIT))
                .isInstanceOf(LeaseNotHeldException.class).hasMessageContaining("another worker holds it");
        assertThatThrownBy(() -> queue.fail(job, "intruder", SyncCounts.NONE, "x", true).await().atMost(WAIT))
                .isInstanceOf(LeaseNotHeldException.class);

        SyncAttemptResponse first = queue.complete(job, "owner-1", new SyncCounts(10, 4, 5, 1, 0), "cursor-42")
                .await().atMost(WAIT);
        SyncAttemptResponse again = queue.complete(job, "owner-1", new SyncCounts(10, 4, 5, 1, 0), "cursor-42")
                .await().atMost(WAIT);
        assertThat(again).isEqualTo(first);
        assertThat(first.log().records()).isEqualTo(new SyncCounts(10, 4, 5, 1, 0));
        assertThat(count("select count(*) from sync_logs where sync_job_id = '" + job + "'")).isEqualTo(1);
        assertThatThrownBy(() -> queue.complete(job, "intruder", SyncCounts.NONE, null).await().atMost(WAIT))
                .isInstanceOf(LeaseNotHeldException.class).hasMessageContaining("the job is SUCCEEDED");
        assertThatThrownBy(() -> queue.heartbeat(job, "owner-1", Duration.ofSeconds(30), null).await().atMost(WAIT))
                .isInstanceOf(LeaseNotHeldException.class);
        assertThatThrownBy(() -> queue.complete(UUID.randomUUID(), "owner-1", SyncCounts.NONE, null).await().atMost(WAIT))
                .isInstanceOf(ResourceNotFoundException.class);

        // The next job of the venue and provider starts from the reported cursor.
        UUID next = SyncFixtures.insertJob(tenant, venue, provider, 5);
        assertThat(claimWithin("owner-2", next, Duration.ofSeconds(5)).cursor()).isEqualTo("cursor-42");
        // A completion without a cursor keeps the stored one.
        queue.complete(next, "owner-2", SyncCounts.NONE, null).await().atMost(WAIT);
        assertThat(string("select cursor from sync_cursors where tenant_id = '" + tenant + "'")).isEqualTo("cursor-42");
    }

    @Test
    void heartbeatsExtendTheLeaseAndStoreProgress() throws Exception {
        UUID job = SyncFixtures.insertJob(tenant, venue, provider, 5);
        assertThat(queue.claim("w1", List.of(provider), 1, Duration.ofMillis(400)).await().atMost(WAIT)).hasSize(1);
        for (int i = 1; i <= 3; i++) {
            Thread.sleep(200);
            queue.heartbeat(job, "w1", Duration.ofMillis(400), Map.of("page", i)).await().atMost(WAIT);
        }
        // 600 ms after the claim with a 400 ms lease: still held thanks to the heartbeats.
        assertThat(queue.reapExpiredLeases().await().atMost(WAIT)).isZero();
        assertThat(string("select status || ' ' || (progress ->> 'page') from sync_queue where id = '" + job + "'"))
                .isEqualTo("RUNNING 3");
        queue.complete(job, "w1", SyncCounts.NONE, null).await().atMost(WAIT);
    }

    @Test
    void releaseReturnsAWorkersJobsWithoutCountingTheAttempt() throws Exception {
        UUID other = UUID.randomUUID();
        UUID a = SyncFixtures.insertJob(tenant, venue, provider, 5);
        UUID b = SyncFixtures.insertJob(tenant, other, provider, 5);
        assertThat(queue.claim("stopping", List.of(provider), 5, Duration.ofSeconds(60)).await().atMost(WAIT))
                .extracting(ClaimedJob::id).containsExactlyInAnyOrder(a, b);
        assertThat(queue.release("stopping").await().atMost(WAIT)).isEqualTo(2);
        assertThat(SyncFixtures.strings("select status || ' ' || attempts || ' ' || coalesce(lease_owner, '-') from sync_queue"
                + " where tenant_id = '" + tenant + "'")).containsOnly("PENDING 0 -");
        assertThat(count("select count(*) from sync_logs where tenant_id = '" + tenant + "'")).isZero();
        assertThat(queue.claim("next", List.of(provider), 5, Duration.ofSeconds(60)).await().atMost(WAIT))
                .extracting(ClaimedJob::attempt).containsOnly(1);
    }

    @Test
    void theClaimTakesTheHighestPriorityFirstAndOneJobPerVenueAndProvider() throws Exception {
        UUID low = SyncFixtures.insertJob(tenant, venue, provider, 5);
        UUID high = SyncFixtures.insertJob(tenant, venue, provider, 5);
        SyncFixtures.execute("update sync_queue set priority = 10 where id = '" + high + "'");
        List<ClaimedJob> claimed = queue.claim("w1", List.of(provider), 10, Duration.ofSeconds(60)).await().atMost(WAIT);
        assertThat(claimed).extracting(ClaimedJob::id).containsExactly(high);
        assertThat(claimed.get(0).payload()).containsKey("n");
        queue.complete(high, "w1", SyncCounts.NONE, null).await().atMost(WAIT);
        assertThat(queue.claim("w1", List.of(provider), 10, Duration.ofSeconds(60)).await().atMost(WAIT))
                .extracting(ClaimedJob::id).containsExactly(low);
    }

    @Test
    void theWorkerLoopReportsARunnerFailureAsRetryableAndARefusalAsDead() throws Exception {
        SyncWorkerLoop loop = new SyncWorkerLoop(queue, config, runners);
        UUID crashing = SyncFixtures.insertJob(tenant, venue, provider, 5);
        assertThat(loop.claimAndRun("loop-1", job -> Uni.createFrom().failure(new IllegalStateException("boom")),
                List.of(provider), 5).await().atMost(WAIT)).isEqualTo(1);
        assertThat(string("select status || ' ' || attempts || ' ' || last_error from sync_queue where id = '" + crashing + "'"))
                .isEqualTo("PENDING 1 the runner failed (IllegalStateException)");

        UUID refused = SyncFixtures.insertJob(tenant, UUID.randomUUID(), provider, 5);
        SyncJobRunner refusing = job -> Uni.createFrom().item(SyncResult.failed(new SyncCounts(1, 0, 0, 0, 1),
                "credentials rejected by the provider", false));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!"DEAD".equals(string("select status from sync_queue where id = '" + refused + "'"))) {
            assertThat(System.nanoTime()).as("the refused job is run in time").isLessThan(deadline);
            loop.claimAndRun("loop-1", refusing, List.of(provider), 5).await().atMost(WAIT);
            Thread.sleep(20);
        }
        assertThat(string("select status || ' ' || records_failed || ' ' || error_message || ' ' || worker_id from sync_logs"
                + " where sync_job_id = '" + refused + "'")).isEqualTo("FAILED 1 credentials rejected by the provider loop-1");
        // Nothing of the provider is due any more (the crashed job is backing off or was refused too).
        assertThat(count("select count(*) from sync_queue where tenant_id = '" + tenant + "' and status = 'RUNNING'")).isZero();
    }

    /** Claims as {@code owner} until {@code job} comes (it may be backing off); fails after {@code within}. */
    private ClaimedJob claimWithin(String owner, UUID job, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            for (ClaimedJob claimed : queue.claim(owner, List.of(provider), 1, Duration.ofSeconds(30)).await().atMost(WAIT)) {
                if (claimed.id().equals(job)) {
                    return claimed;
                }
                throw new AssertionError("claimed another job than " + job + ": " + claimed.id());
            }
            Thread.sleep(20);
        }
        throw new AssertionError("job " + job + " was not claimable within " + within);
    }
}
