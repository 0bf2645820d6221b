package io.integration.sync;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * The built-in worker of every replica: claims jobs of the configured providers ({@code integration.sync.worker-providers})
 * and runs them through the {@link SyncJobRunner} bean, heartbeating while it runs, then completes or fails them. Does
 * nothing without a runner bean or providers. On shutdown it releases what it holds, so nothing waits for a lease to expire.
 */
@ApplicationScoped
public class SyncWorkerLoop {

    private static final Logger LOG = Logger.getLogger(SyncWorkerLoop.class);

    private final SyncQueue queue;
    private final SyncConfig config;
    private final Instance<SyncJobRunner> runners;
    private final String workerId = "replica-" + UUID.randomUUID();
    private volatile boolean stopping;

    public SyncWorkerLoop(SyncQueue queue, SyncConfig config, Instance<SyncJobRunner> runners) {
        this.queue = queue;
        this.config = config;
        this.runners = runners;
    }

    /** The lease owner id of this replica's loop. */
    public String workerId() {
        return workerId;
    }

    @Scheduled(every = "${integration.sync.worker-poll-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledTick() {
        List<String> providers = config.workerProviders().orElse(List.of());
        if (stopping || providers.isEmpty() || !runners.isResolvable()) {
            return Uni.createFrom().voidItem();
        }
        return claimAndRun(workerId, runners.get(), providers, config.workerBatchSize())
                .onFailure().invoke(e -> LOG.errorf("sync worker tick failed: %s", e.getClass().getName()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Claims up to {@code limit} jobs as {@code owner}, runs them concurrently, reports each; returns how many ran. */
    public Uni<Integer> claimAndRun(String owner, SyncJobRunner runner, List<String> providers, int limit) {
        return queue.claim(owner, providers, limit, config.lease())
                .chain(jobs -> jobs.isEmpty() ? Uni.createFrom().item(0) : Multi.createFrom().iterable(jobs)
                        .onItem().transformToUni(job -> runOne(owner, runner, job)).merge(jobs.size())
                        .collect().asList()
                        .replaceWith(jobs.size()));
    }

    private Uni<Void> runOne(String owner, SyncJobRunner runner, ClaimedJob job) {
        Cancellable heartbeats = Multi.createFrom().ticks().every(config.lease().dividedBy(3))
                .onItem().transformToUniAndConcatenate(tick -> queue.heartbeat(job.id(), owner, config.lease(), null)
                        .onFailure().invoke(e -> LOG.infof("sync job %s heartbeat refused: %s", job.id(), e.getMessage()))
                        .onFailure().recoverWithNull())
                .subscribe().with(ignored -> {
                });
        return Uni.createFrom().deferred(() -> runner.run(job))
                .onItem().ifNull().continueWith(() -> SyncResult.failed(SyncCounts.NONE, "the runner returned no result", true))
                .onFailure().recoverWithItem(e -> SyncResult.failed(SyncCounts.NONE,
                        "the runner failed (" + e.getClass().getSimpleName() + ")", true))
                .eventually(heartbeats::cancel)
                .chain(result -> result.succeeded()
                        ? queue.complete(job.id(), owner, result.counts(), result.cursor())
                        : queue.fail(job.id(), owner, result.counts(), result.error(), result.retryable()))
                .onFailure().invoke(e -> LOG.infof("sync job %s: the result of worker %s was not applied: %s", job.id(),
                        owner, e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Shutdown has begun (readiness is already DOWN): claim nothing more. */
    void onShutdownDelay(@Observes ShutdownDelayInitiatedEvent event) {
        stopping = true;
    }

    /** Graceful stop: the jobs this replica holds go back to the queue at once, their attempt not counted. */
    void releaseOnShutdown(@Observes ShutdownEvent event) {
        stopping = true;
        try {
            Integer released = queue.release(workerId).await().atMost(Duration.ofSeconds(5));
            if (released != null && released > 0) {
                LOG.infof("sync worker %s released %d job(s) at shutdown", workerId, released);
            }
        } catch (RuntimeException e) {
            // E.g. the local run's embedded database stopping in its own shutdown hook at the same moment.
            Throwable cause = e.getCause() == null ? e : e.getCause();
            LOG.warnf("sync worker %s could not release its jobs at shutdown (their leases will expire): %s: %s", workerId,
                    cause.getClass().getName(), cause.getMessage());
        }
    }
}
