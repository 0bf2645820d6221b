package io.integration.sync;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.integration.common.ConflictException;
import io.integration.common.Keyset;
import io.integration.common.Page;
import io.integration.common.PageRequest;
import io.integration.common.ResourceNotFoundException;
import io.integration.provider.ProviderCatalog;
import io.integration.tenancy.TenantId;
import io.integration.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;

/** The tenant's sync jobs and their history: enqueue, read, cancel, list attempts. */
@ApplicationScoped
public class SyncJobService {

    private static final Logger LOG = Logger.getLogger(SyncJobService.class);

    private final SyncJobRepository jobs;
    private final SyncLogRepository logs;
    private final TenantTransactions transactions;
    private final ProviderCatalog providers;
    private final SyncConfig config;

    public SyncJobService(SyncJobRepository jobs, SyncLogRepository logs, TenantTransactions transactions,
            ProviderCatalog providers, SyncConfig config) {
        this.jobs = jobs;
        this.logs = logs;
        this.transactions = transactions;
        this.providers = providers;
        this.config = config;
    }

    /** Queues a job, due now; a provider slug without a shipped definition is a 400 naming it. */
    public Uni<SyncJobResponse> enqueue(TenantId tenant, SyncJobRequest request) {
        providers.require(request.provider());
        SyncJob job = new SyncJob();
        job.id = UUID.randomUUID();
        job.tenantId = tenant.value();
        job.venueId = request.venueId();
        job.integrationType = request.provider();
        job.syncType = request.syncType();
        job.status = SyncJobStatus.PENDING;
        job.priority = request.priority() == null ? 0 : request.priority();
        job.maxAttempts = config.maxAttempts();
        job.nextAttemptAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        job.payload = request.payload() == null ? new HashMap<>() : new HashMap<>(request.payload());
        job.progress = new HashMap<>();
        return transactions.inTenantTransaction(tenant, () -> jobs.persistAndFlush(job))
                .map(SyncMapper::toResponse)
                .invoke(created -> LOG.infof("sync job %s enqueued (tenant %s, venue %s, %s, %s)", created.id(), tenant,
                        created.venueId(), created.provider(), created.syncType()));
    }

    public Uni<SyncJobResponse> get(TenantId tenant, UUID id) {
        return transactions.inTenantTransaction(tenant, () -> jobs.findForTenant(tenant, id)
                        .onItem().ifNull().failWith(() -> notFound(id)))
                .map(SyncMapper::toResponse);
    }

    public Uni<Page<SyncJobResponse>> list(TenantId tenant, SyncJobFilter filter, PageRequest page) {
        return transactions.inTenantTransaction(tenant, () -> jobs.listForTenant(tenant, filter, page))
                .map(rows -> Keyset.page(rows, page, job -> job.id, SyncMapper::toResponse));
    }

    public Uni<Page<SyncLogResponse>> history(TenantId tenant, SyncLogFilter filter, PageRequest page) {
        return transactions.inTenantTransaction(tenant, () -> logs.listForTenant(tenant, filter, page))
                .map(rows -> Keyset.page(rows, page, log -> log.id, SyncMapper::toResponse));
    }

    /**
     * PENDING → CANCELLED; RUNNING → CANCELLED with the lease dropped (the worker's later report gets 409) and the
     * interrupted attempt logged; a finished job is a 409.
     */
    public Uni<SyncJobResponse> cancel(TenantId tenant, UUID id) {
        return transactions.inTenantTransaction(tenant, () -> jobs.lockForTenant(tenant, id)
                        .onItem().ifNull().failWith(() -> notFound(id))
                        .call(job -> switch (job.status) {
                            case PENDING -> Uni.createFrom().item(markCancelled(job));
                            case RUNNING -> logs.persist(cancelledAttempt(job)).invoke(() -> markCancelled(job));
                            default -> Uni.createFrom().failure(new ConflictException(
                                    "sync job " + id + " is " + job.status + " and can no longer be cancelled"));
                        })
                        .call(jobs::flush))
                .map(SyncMapper::toResponse)
                .invoke(job -> LOG.infof("sync job %s cancelled (tenant %s)", id, tenant));
    }

    private static SyncJob markCancelled(SyncJob job) {
        job.status = SyncJobStatus.CANCELLED;
        job.leaseOwner = null;
        job.leaseExpiresAt = null;
        job.finishedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return job;
    }

    private static SyncLog cancelledAttempt(SyncJob job) {
        SyncLog log = new SyncLog();
        log.id = UUID.randomUUID();
        log.tenantId = job.tenantId;
        log.syncJobId = job.id;
        log.venueId = job.venueId;
        log.integrationType = job.integrationType;
        log.syncType = job.syncType;
        log.status = SyncLogStatus.CANCELLED;
        log.attempt = job.attempts;
        log.startedAt = job.startedAt == null ? Instant.now().truncatedTo(ChronoUnit.MICROS) : job.startedAt;
        log.finishedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        log.errorMessage = "cancelled while running";
        log.workerId = job.leaseOwner;
        return log;
    }

    private static ResourceNotFoundException notFound(UUID id) {
        return new ResourceNotFoundException("sync job", id);
    }
}
