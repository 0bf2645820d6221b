package io.integration.sync;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

import io.integration.tenancy.SystemTransactions;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Enqueues the scheduled INCREMENTAL syncs of enabled integration_configs, on every replica: for each schedule (a
 * Quartz cron in UTC, validated when the config was written) the latest fire time at or before the database's clock
 * is a slot; the insert of a slot is ON CONFLICT DO NOTHING on (tenant, venue, provider, scheduled_for), so however
 * many replicas tick, a fire time runs once. Missed fire times collapse into the latest one, and no slot is added
 * while an earlier scheduled job of the same venue and provider still waits. Each tick also reaps expired leases.
 */
@ApplicationScoped
public class SyncScheduler {

    private static final Logger LOG = Logger.getLogger(SyncScheduler.class);

    private static final CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    private static final String SCHEDULES = "select tenant_id, venue_id, integration_type, sync_schedule, now() as db_now"
            + " from integration_configs where enabled and sync_enabled and sync_schedule is not null";

    private static final String ENQUEUE = "insert into sync_queue (tenant_id, venue_id, integration_type, sync_type,"
            + " max_attempts, scheduled_for)"
            + " select d.tenant_id, d.venue_id, d.integration_type, 'INCREMENTAL', $5, d.fire_at"
            + " from unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[]) as d(tenant_id, venue_id, integration_type, fire_at)"
            + " where not exists (select 1 from sync_queue q where q.tenant_id = d.tenant_id and q.venue_id = d.venue_id"
            + " and q.integration_type = d.integration_type and q.status = 'PENDING' and q.scheduled_for is not null)"
            + " on conflict (tenant_id, venue_id, integration_type, scheduled_for) do nothing";

    private final SystemTransactions system;
    private final SyncQueue queue;
    private final SyncConfig config;

    public SyncScheduler(SystemTransactions system, SyncQueue queue, SyncConfig config) {
        this.system = system;
        this.queue = queue;
        this.config = config;
    }

    private record Slot(UUID tenant, UUID venue, String provider, OffsetDateTime fireAt) {
    }

    @Scheduled(every = "${integration.sync.schedule-poll-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledTick() {
        return queue.reapExpiredLeases()
                .chain(this::enqueueDue)
                .onFailure().invoke(e -> LOG.errorf("sync schedule tick failed: %s", e.getClass().getName()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Enqueues the due slot of every enabled schedule (across tenants); returns how many jobs this call added. */
    public Uni<Integer> enqueueDue() {
        return system.inSystemTransaction(connection -> connection.query(SCHEDULES).execute()
                .map(SyncScheduler::dueSlots)
                .chain(slots -> slots.isEmpty() ? Uni.createFrom().item(0) : insert(connection, slots)))
                .invoke(count -> {
                    if (count > 0) {
                        LOG.infof("sync scheduler enqueued %d scheduled job(s)", count);
                    }
                });
    }

    private Uni<Integer> insert(SqlConnection connection, List<Slot> slots) {
        Tuple params = Tuple.tuple()
                .addArrayOfUUID(slots.stream().map(Slot::tenant).toArray(UUID[]::new))
                .addArrayOfUUID(slots.stream().map(Slot::venue).toArray(UUID[]::new))
                .addArrayOfString(slots.stream().map(Slot::provider).toArray(String[]::new))
                .addArrayOfOffsetDateTime(slots.stream().map(Slot::fireAt).toArray(OffsetDateTime[]::new))
                .addInteger(config.maxAttempts());
        return connection.preparedQuery(ENQUEUE).execute(params).map(RowSet::rowCount);
    }

    private static List<Slot> dueSlots(RowSet<Row> rows) {
        List<Slot> slots = new ArrayList<>();
        for (Row row : rows) {
            ZonedDateTime now = row.getOffsetDateTime("db_now").atZoneSameInstant(ZoneOffset.UTC);
            latestFireTime(row.getString("sync_schedule"), now).ifPresentOrElse(
                    fireAt -> slots.add(new Slot(row.getUUID("tenant_id"), row.getUUID("venue_id"),
                            row.getString("integration_type"), fireAt.toOffsetDateTime())),
                    () -> LOG.debugf("no due fire time for venue %s %s", row.getUUID("venue_id"), row.getString("integration_type")));
        }
        return slots;
    }

    /** The latest fire time of {@code cron} at or before {@code now}; empty for an unparsable or never-firing cron. */
    static Optional<ZonedDateTime> latestFireTime(String cron, ZonedDateTime now) {
        try {
            ExecutionTime times = ExecutionTime.forCron(QUARTZ.parse(cron.strip()));
            // Cron fire times are whole seconds: the last one strictly before the next second is at or before now.
            return times.lastExecution(now.withNano(0).plusSeconds(1));
        } catch (IllegalArgumentException e) {
            LOG.warnf("ignoring an invalid sync schedule: %s", e.getMessage());
            return Optional.empty();
        }
    }
}
