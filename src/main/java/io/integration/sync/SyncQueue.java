package io.integration.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.integration.common.DatabaseErrors;
import io.integration.common.ResourceNotFoundException;
import io.integration.health.HealthRecorder;
import io.integration.tenancy.SystemTransactions;
import io.integration.tenancy.TenantId;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The sync job queue for workers, across tenants on the worker pool (docs/adr/0009): claim with
 * {@code FOR UPDATE SKIP LOCKED} and a lease, at most one running job per (tenant, venue, provider), heartbeats,
 * completion and failure only while the caller holds the lease, retries with exponential backoff and jitter, DEAD after
 * the last attempt, expired leases reaped, and one sync_logs row per finished attempt.
 */
@ApplicationScoped
public class SyncQueue {

    private static final Logger LOG = Logger.getLogger(SyncQueue.class);

    /** Claims after a lost race for a (venue, provider) before giving up for this round (the caller polls again). */
    private static final int CLAIM_TRIES = 3;

    /** Exponential backoff with 50–100 % jitter in milliseconds; $base and $max are float8 parameters. */
    private static String backoff(String attempts, String base, String max) {
        return "least(" + max + "::float8, " + base + "::float8 * power(2, least(" + attempts + " - 1, 30)))"
                + " * (0.5 + random() * 0.5) * interval '1 millisecond'";
    }

    // Expired leases: back to PENDING with backoff (the attempt counts), DEAD after the last, one FAILED log row each.
    private static final String REAP = "with expired as ("
            + " select id, lease_owner from sync_queue where status = 'RUNNING' and lease_expires_at < now()"
            + " for update skip locked),"
            + " reaped as (update sync_queue q set"
            + " status = case when q.attempts >= q.max_attempts then 'DEAD' else 'PENDING' end,"
            + " next_attempt_at = case when q.attempts >= q.max_attempts then q.next_attempt_at"
            + " else now() + " + backoff("q.attempts", "$1", "$2") + " end,"
            + " finished_at = case when q.attempts >= q.max_attempts then now() end,"
            + " last_error = 'lease expired: the worker stopped heartbeating', lease_owner = null,"
            + " lease_expires_at = null, updated_at = now()"
            + " from expired e where q.id = e.id"
            + " returning q.id, q.tenant_id, q.venue_id, q.integration_type, q.sync_type, q.attempts, q.started_at,"
            + " q.last_error, e.lease_owner)"
            + " insert into sync_logs (tenant_id, sync_job_id, venue_id, integration_type, sync_type, status, attempt,"
            + " started_at, finished_at, error_message, worker_id)"
            + " select tenant_id, id, venue_id, integration_type, sync_type, 'FAILED', attempts,"
            + " coalesce(started_at, now()), now(), last_error, lease_owner from reaped"
            + " returning tenant_id, venue_id, integration_type, started_at, finished_at, error_message";

    // Due jobs in claim order (priority, then age: a retried job keeps its place) through sync_queue_claim_idx, skipping
    // (venue, provider)s that have a job running (committed: NOT EXISTS) or being claimed right now by another
    // transaction (a transaction-scoped advisory lock per key that the other claimer holds), rows locked by another
    // claimer (SKIP LOCKED), and rows that stopped being PENDING before the lock (re-checked on the locked version).
    // Of several due jobs of one key in this statement, the first is taken (DISTINCT ON).
    private static final String CLAIM = "with locked as ("
            + " select q.id, q.tenant_id, q.venue_id, q.integration_type, q.priority, q.created_at from sync_queue q"
            + " where q.status = 'PENDING' and q.next_attempt_at <= now() and q.integration_type = any($4)"
            + " and not exists (select 1 from sync_queue r where r.tenant_id = q.tenant_id and r.venue_id = q.venue_id"
            + " and r.integration_type = q.integration_type and r.status = 'RUNNING')"
            + " and pg_try_advisory_xact_lock(hashtextextended(q.tenant_id::text || q.venue_id::text || q.integration_type, 7))"
            + " order by q.priority desc, q.created_at, q.id limit $3 for update of q skip locked),"
            + " picked as (select distinct on (tenant_id, venue_id, integration_type) id from locked"
            + " order by tenant_id, venue_id, integration_type, priority desc, created_at, id),"
            + " claimed as (update sync_queue q set status = 'RUNNING', lease_owner = $1,"
            + " lease_expires_at = now() + $2::float8 * interval '1 millisecond', heartbeat_at = now(),"
            + " started_at = now(), finished_at = null, attempts = q.attempts + 1, updated_at = now()"
            + " from picked p where q.id = p.id"
            + " returning q.id, q.tenant_id, q.venue_id, q.integration_type, q.sync_type, q.payload, q.attempts,"
            + " q.max_attempts, q.lease_expires_at)"
            + " select c.id, c.tenant_id, c.venue_id, c.integration_type, c.sync_type, c.payload::text as payload_json,"
            + " c.attempts, c.max_attempts, c.lease_expires_at, k.cursor from claimed c"
            + " left join sync_cursors k on k.tenant_id = c.tenant_id and k.venue_id = c.venue_id"
            + " and k.integration_type = c.integration_type";

    private static final String HELD = "id = $1 and status = 'RUNNING' and lease_owner = $2 and lease_expires_at >= now()";

    private static final String HEARTBEAT = "update sync_queue set"
            + " lease_expires_at = now() + $3::float8 * interval '1 millisecond', heartbeat_at = now(),"
            + " progress = coalesce($4::text::jsonb, progress), updated_at = now() where " + HELD
            + " returning lease_expires_at";

    private static final String LOG_INSERT = "insert into sync_logs (tenant_id, sync_job_id, venue_id, integration_type,"
            + " sync_type, status, attempt, started_at, finished_at, records_fetched, records_created, records_updated,"
            + " records_deleted, records_failed, error_message, worker_id)";

    private static final String ATTEMPT_RESULT = " select l.*, f.status as job_status, f.next_attempt_at,"
            + " f.tenant_id as job_tenant_id from logged l"
            + " join finished f on f.id = l.sync_job_id";

    // $3..$7 counts, $8 cursor (null keeps the stored one).
    private static final String COMPLETE = "with finished as (update sync_queue set status = 'SUCCEEDED',"
            + " finished_at = now(), last_error = null, lease_owner = null, lease_expires_at = null, updated_at = now()"
            + " where " + HELD + " returning id, tenant_id, venue_id, integration_type, sync_type, attempts, started_at,"
            + " finished_at, status, next_attempt_at),"
            + " kept_cursor as (insert into sync_cursors (tenant_id, venue_id, integration_type, cursor, sync_job_id)"
            + " select tenant_id, venue_id, integration_type, $8::text, id from finished where $8::text is not null"
            + " on conflict (tenant_id, venue_id, integration_type) do update set cursor = excluded.cursor,"
            + " sync_job_id = excluded.sync_job_id, updated_at = now()),"
            + " synced_config as (update integration_configs c set last_sync_at = f.finished_at from finished f"
            + " where c.tenant_id = f.tenant_id and c.venue_id = f.venue_id and c.integration_type = f.integration_type),"
            + " logged as (" + LOG_INSERT
            + " select tenant_id, id, venue_id, integration_type, sync_type, 'SUCCEEDED', attempts, started_at,"
            + " finished_at, $3, $4, $5, $6, $7, null, $2 from finished returning " + SyncQueueRows.LOG_COLUMNS + ")"
            + ATTEMPT_RESULT;

    // $3..$7 counts, $8 error, $9 retryable, $10/$11 backoff base/max (ms).
    private static final String RETRY = "$9 and q.attempts < q.max_attempts";
    private static final String FAIL = "with finished as (update sync_queue q set"
            + " status = case when " + RETRY + " then 'PENDING' else 'DEAD' end,"
            + " next_attempt_at = case when " + RETRY + " then now() + " + backoff("q.attempts", "$10", "$11")
            + " else q.next_attempt_at end,"
            + " finished_at = case when " + RETRY + " then null else now() end,"
            + " last_error = $8, lease_owner = null, lease_expires_at = null, updated_at = now()"
            + " where " + HELD
            + " returning q.id, q.tenant_id, q.venue_id, q.integration_type, q.sync_type, q.attempts, q.started_at,"
            + " q.status, q.next_attempt_at),"
            + " logged as (" + LOG_INSERT
            + " select tenant_id, id, venue_id, integration_type, sync_type, 'FAILED', attempts, started_at, now(),"
            + " $3, $4, $5, $6, $7, $8, $2 from finished returning " + SyncQueueRows.LOG_COLUMNS + ")"
            + ATTEMPT_RESULT;

    // What a complete/heartbeat/fail that changed nothing ran into; the same worker's earlier success replays.
    private static final String STATE = "select q.status as job_status, q.lease_owner = $2 as mine,"
            + " q.next_attempt_at, l.* from sync_queue q"
            + " left join lateral (select " + SyncQueueRows.LOG_COLUMNS + " from sync_logs s where s.tenant_id = q.tenant_id"
            + " and s.sync_job_id = q.id and s.status = 'SUCCEEDED' and s.worker_id = $2"
            + " order by s.finished_at desc limit 1) l on true where q.id = $1";

    private static final String RELEASE = "update sync_queue set status = 'PENDING', attempts = greatest(attempts - 1, 0),"
            + " lease_owner = null, lease_expires_at = null, started_at = null, next_attempt_at = now(), updated_at = now()"
            + " where status = 'RUNNING' and lease_owner = $1";

    private final SystemTransactions system;
    private final HealthRecorder health;
    private final SyncConfig config;
    private final ObjectMapper mapper;

    public SyncQueue(SystemTransactions system, SyncConfig config, ObjectMapper mapper, HealthRecorder health) {
        this.system = system;
        this.health = health;
        this.config = config;
        this.mapper = mapper;
    }

    /** Reaps expired leases, then leases up to {@code limit} due jobs of {@code providers} to {@code owner}. */
    public Uni<List<ClaimedJob>> claim(String owner, List<String> providers, int limit, Duration lease) {
        return claim(owner, providers, limit, lease, 1);
    }

    private Uni<List<ClaimedJob>> claim(String owner, List<String> providers, int limit, Duration lease, int attempt) {
        Tuple params = Tuple.tuple().addString(owner).addDouble((double) lease.toMillis()).addInteger(limit)
                .addArrayOfString(providers.toArray(new String[0]));
        return system.inSystemTransaction(connection -> reap(connection)
                        .chain(() -> connection.preparedQuery(CLAIM).execute(params)))
                .map(this::claimedJobs)
                .onFailure(DatabaseErrors::isUniqueViolation).recoverWithUni(race -> {
                    // Another claimer started a job of the same (venue, provider) concurrently: the partial unique
                    // index refused the second. Not an error; try again (the statement now sees it running).
                    LOG.debugf("sync claim by %s lost a race for a (venue, provider), try %d", owner, attempt);
                    return attempt < CLAIM_TRIES ? claim(owner, providers, limit, lease, attempt + 1)
                            : Uni.createFrom().item(List.of());
                })
                .invoke(jobs -> jobs.forEach(job -> LOG.debugf("sync job %s (tenant %s, venue %s, %s) claimed by %s, attempt %d",
                        job.id(), job.tenantId(), job.venueId(), job.provider(), owner, job.attempt())));
    }

    /** Returns the jobs whose lease expired to the queue (or DEAD), logging each lost attempt; returns how many. */
    public Uni<Integer> reapExpiredLeases() {
        return system.inSystemTransaction(this::reap);
    }

    private Uni<Integer> reap(SqlConnection connection) {
        return connection.preparedQuery(REAP)
                .execute(Tuple.of((double) config.backoffBase().toMillis(), (double) config.backoffMax().toMillis()))
                // Health rows are locked in one order (tenant, venue, provider) so two reapers cannot deadlock.
                .call(rows -> Multi.createFrom().iterable(sortedByHealthKey(rows))
                        .onItem().transformToUniAndConcatenate(row -> health.record(connection,
                                new TenantId(row.getUUID("tenant_id")), row.getUUID("venue_id"),
                                row.getString("integration_type"), false,
                                millisBetween(row, "started_at", "finished_at"), row.getString("error_message")))
                        .collect().last())
                .map(RowSet::rowCount)
                .invoke(count -> {
                    if (count > 0) {
                        LOG.infof("sync queue: %d expired lease(s) reaped", count);
                    }
                });
    }

    /** Extends the lease of a job the worker holds and stores its progress (null keeps the last); 409 if not held. */
    public Uni<Instant> heartbeat(UUID jobId, String owner, Duration lease, Map<String, Object> progress) {
        Tuple params = Tuple.tuple().addUUID(jobId).addString(owner).addDouble((double) lease.toMillis())
                .addString(SyncQueueRows.toJson(progress, mapper));
        return system.inSystemTransaction(connection -> connection.preparedQuery(HEARTBEAT).execute(params)
                .chain(rows -> rows.rowCount() == 1
                        ? Uni.createFrom().item(SyncQueueRows.instant(rows.iterator().next(), "lease_expires_at"))
                        : notHeld(connection, jobId, owner, false).map(ignored -> (Instant) null)));
    }

    /**
     * Marks a job the worker holds SUCCEEDED, logs the attempt and keeps the new cursor. Repeating it answers the same
     * attempt; another worker, a cancelled job or a lost lease is a 409.
     */
    public Uni<SyncAttemptResponse> complete(UUID jobId, String owner, SyncCounts counts, String cursor) {
        Tuple params = counts(Tuple.tuple().addUUID(jobId).addString(owner), counts).addString(cursor);
        return system.inSystemTransaction(connection -> connection.preparedQuery(COMPLETE).execute(params)
                .chain(rows -> rows.rowCount() == 1 ? attemptWithHealth(connection, rows.iterator().next(), true)
                        : notHeld(connection, jobId, owner, true)))
                .invoke(done -> LOG.debugf("sync job %s completed by %s", jobId, owner));
    }

    /** Ends the attempt of a job the worker holds as failed: retried later with backoff if retryable and attempts remain, else DEAD. */
    public Uni<SyncAttemptResponse> fail(UUID jobId, String owner, SyncCounts counts, String error, boolean retryable) {
        Tuple params = counts(Tuple.tuple().addUUID(jobId).addString(owner), counts).addString(error)
                .addBoolean(retryable).addDouble((double) config.backoffBase().toMillis())
                .addDouble((double) config.backoffMax().toMillis());
        return system.inSystemTransaction(connection -> connection.preparedQuery(FAIL).execute(params)
                .chain(rows -> rows.rowCount() == 1 ? attemptWithHealth(connection, rows.iterator().next(), false)
                        : notHeld(connection, jobId, owner, false)))
                .invoke(result -> LOG.infof("sync job %s attempt %d failed (worker %s): %s -> %s", jobId,
                        result.log().attempt(), owner, error, result.jobStatus()));
    }

    /** Returns every job {@code owner} holds to the queue, due now, without counting the attempt (graceful stop). */
    public Uni<Integer> release(String owner) {
        return system.inSystemTransaction(connection -> connection.preparedQuery(RELEASE).execute(Tuple.of(owner))
                .map(RowSet::rowCount));
    }

    /**
     * A finished attempt is one outcome of the venue's integration health, in the same transaction; its duration is
     * the outcome's response time.
     */
    private Uni<SyncAttemptResponse> attemptWithHealth(SqlConnection connection, Row row, boolean success) {
        SyncAttemptResponse attempt = SyncQueueRows.attempt(row);
        SyncLogResponse log = attempt.log();
        long durationMs = log.startedAt() == null || log.finishedAt() == null ? 0
                : Duration.between(log.startedAt(), log.finishedAt()).toMillis();
        return health.record(connection, new TenantId(row.getUUID("job_tenant_id")), log.venueId(), log.provider(),
                success, durationMs, success ? null : "sync: " + log.error()).replaceWith(attempt);
    }

    private static List<Row> sortedByHealthKey(RowSet<Row> rows) {
        List<Row> sorted = new ArrayList<>();
        rows.forEach(sorted::add);
        sorted.sort(java.util.Comparator.comparing((Row row) -> row.getUUID("tenant_id").toString())
                .thenComparing(row -> row.getUUID("venue_id").toString())
                .thenComparing(row -> row.getString("integration_type")));
        return sorted;
    }

    private static long millisBetween(Row row, String from, String to) {
        Instant start = SyncQueueRows.instant(row, from);
        Instant end = SyncQueueRows.instant(row, to);
        return start == null || end == null ? 0 : Duration.between(start, end).toMillis();
    }

    private static Tuple counts(Tuple tuple, SyncCounts counts) {
        SyncCounts c = counts == null ? SyncCounts.NONE : counts;
        return tuple.addInteger(c.fetched()).addInteger(c.created()).addInteger(c.updated()).addInteger(c.deleted())
                .addInteger(c.failed());
    }

    private List<ClaimedJob> claimedJobs(RowSet<Row> rows) {
        List<ClaimedJob> jobs = new ArrayList<>();
        for (Row row : rows) {
            jobs.add(SyncQueueRows.claimed(row, mapper));
        }
        return jobs;
    }

    /** The same worker's earlier success (when {@code replaySuccess}), else 404 (no such job) or 409 saying why not held. */
    private Uni<SyncAttemptResponse> notHeld(SqlConnection connection, UUID jobId, String owner, boolean replaySuccess) {
        return connection.preparedQuery(STATE).execute(Tuple.of(jobId, owner))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw new ResourceNotFoundException("sync job", jobId);
                    }
                    Row row = rows.iterator().next();
                    String status = row.getString("job_status");
                    if (replaySuccess && "SUCCEEDED".equals(status) && row.getUUID("id") != null) {
                        return SyncQueueRows.attempt(row);
                    }
                    String reason = !"RUNNING".equals(status) ? "the job is " + status
                            : !Boolean.TRUE.equals(row.getBoolean("mine")) ? "another worker holds it"
                            : "the lease expired";
                    throw new LeaseNotHeldException(jobId, owner, reason);
                });
    }
}
