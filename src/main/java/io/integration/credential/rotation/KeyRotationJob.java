package io.integration.credential.rotation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.integration.credential.kms.CredentialCryptoException;
import io.integration.credential.vault.CredentialVault;
import io.integration.credential.vault.SecretTable;
import io.integration.tenancy.SystemTransactions;
import io.integration.tenancy.TenantId;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Re-wraps every stored data key under the active key version, batch by batch, on whichever replica holds the run's
 * lease. Each batch locks its rows ({@code FOR UPDATE SKIP LOCKED}), re-wraps them and records the run's progress in
 * one system transaction, so a crash loses at most an uncommitted batch, and the rows themselves say what is left:
 * a resumed run simply continues with the rows not yet on the target version.
 */
@ApplicationScoped
public class KeyRotationJob {

    private static final Logger LOG = Logger.getLogger(KeyRotationJob.class);

    private final SystemTransactions system;
    private final CredentialVault vault;
    private final RotationConfig config;
    private final String owner = "replica-" + UUID.randomUUID();

    public KeyRotationJob(SystemTransactions system, CredentialVault vault, RotationConfig config) {
        this.system = system;
        this.vault = vault;
        this.config = config;
    }

    @Scheduled(every = "${integration.rotation.poll-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledTick() {
        return work(config.batchesPerTick())
                // The type only: driver messages can quote parameter values, and those are ciphertexts.
                .onFailure().invoke(e -> LOG.errorf("key rotation tick failed: %s", e.getClass().getName()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Claims a run (unowned or with an expired lease) and processes up to {@code maxBatches}; returns batches done. */
    public Uni<Integer> work(int maxBatches) {
        return claimRun().chain(run -> run == null ? Uni.createFrom().item(0) : processBatches(run, maxBatches, 0));
    }

    private Uni<UUID> claimRun() {
        return system.inSystemTransaction(connection -> connection
                .preparedQuery("update key_rotation_runs set lease_owner = $1, lease_expires_at = now() + $2 * interval '1 millisecond',"
                        + " updated_at = now() where id = (select id from key_rotation_runs where status = 'RUNNING'"
                        + " and (lease_owner is null or lease_owner = $1 or lease_expires_at < now())"
                        + " for update skip locked limit 1) returning id")
                .execute(Tuple.of(owner, config.lease().toMillis()))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getUUID("id") : null));
    }

    private Uni<Integer> processBatches(UUID run, int maxBatches, int done) {
        if (done >= maxBatches) {
            return Uni.createFrom().item(done);
        }
        return rewrapOneBatch(run)
                .chain(rewrapped -> rewrapped > 0
                        ? processBatches(run, maxBatches, done + 1)
                        : completeIfNothingLeft(run).replaceWith(done));
    }

    /** One transaction: lock up to batch-size rows not on the target version, re-wrap them, record progress. */
    private Uni<Integer> rewrapOneBatch(UUID run) {
        String target = vault.activeKeyId();
        return system.inSystemTransaction(connection -> connection
                .preparedQuery("select coalesce(array_agg((f->>'id')::uuid), '{}') as failed"
                        + " from key_rotation_runs, jsonb_array_elements(failed_rows) f where id = $1")
                .execute(Tuple.of(run))
                .map(rows -> new BatchOutcome(rows.iterator().next().getArrayOfUUIDs("failed")))
                .chain(outcome -> rewrapTables(connection, target, 0, outcome))
                .chain(outcome -> recordProgress(connection, run, target, outcome)));
    }

    private Uni<BatchOutcome> rewrapTables(SqlConnection connection, String target, int index, BatchOutcome outcome) {
        SecretTable[] tables = SecretTable.values();
        if (index >= tables.length || outcome.processed() >= config.batchSize()) {
            return Uni.createFrom().item(outcome);
        }
        SecretTable table = tables[index];
        String columns = String.join(", ", table.secretColumns());
        String anySecret = String.join(" is not null or ", table.secretColumns()) + " is not null";
        return connection.preparedQuery("select id, tenant_id, " + columns + " from " + table.table()
                        + " where kms_key_id is distinct from $1 and (" + anySecret + ") and id <> all($3)"
                        + " order by id limit $2 for update skip locked")
                .execute(Tuple.of(target, config.batchSize() - outcome.processed(), outcome.excluded))
                .chain(rows -> {
                    List<Tuple> updates = new ArrayList<>();
                    for (Row row : rows) {
                        try {
                            updates.add(rewrapRow(table, row, target));
                            outcome.perTenant.merge(row.getUUID("tenant_id").toString(), 1, Integer::sum);
                        } catch (CredentialCryptoException e) {
                            // An altered or moved blob must not stop the rotation of everything else: the row keeps
                            // its old version (so that version cannot be retired) and is reported on the run.
                            outcome.failures.add(new JsonObject().put("table", table.table())
                                    .put("id", row.getUUID("id").toString())
                                    .put("tenant", row.getUUID("tenant_id").toString())
                                    .put("reason", e.getMessage()));
                            LOG.warnf("key rotation could not re-wrap %s row %s: %s", table.table(), row.getUUID("id"),
                                    e.getClass().getSimpleName());
                        }
                    }
                    if (updates.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    StringBuilder set = new StringBuilder();
                    for (int i = 0; i < table.secretColumns().size(); i++) {
                        set.append(table.secretColumns().get(i)).append(" = $").append(i + 2).append(", ");
                    }
                    int keyParam = table.secretColumns().size() + 2;
                    return connection.preparedQuery("update " + table.table() + " set " + set + "kms_key_id = $" + keyParam
                                    + ", updated_at = now() where id = $1")
                            .executeBatch(updates)
                            .replaceWithVoid();
                })
                .chain(() -> rewrapTables(connection, target, index + 1, outcome));
    }

    private Tuple rewrapRow(SecretTable table, Row row, String target) {
        UUID id = row.getUUID("id");
        TenantId tenant = new TenantId(row.getUUID("tenant_id"));
        Tuple update = Tuple.of(id);
        for (String column : table.secretColumns()) {
            byte[] blob = bytes(row, column);
            update.addValue(blob == null ? null : io.vertx.core.buffer.Buffer.buffer(
                    vault.rewrap(tenant, table, column, id, blob)));
        }
        return update.addValue(target);
    }

    private static byte[] bytes(Row row, String column) {
        var buffer = row.getBuffer(column);
        return buffer == null ? null : buffer.getBytes();
    }

    private Uni<Integer> recordProgress(SqlConnection connection, UUID run, String target, BatchOutcome outcome) {
        if (outcome.processed() == 0) {
            return Uni.createFrom().item(0);
        }
        JsonObject counts = new JsonObject();
        outcome.perTenant.forEach(counts::put);
        // Adds this batch's per-tenant counts to the run's totals (jsonb merge with summed values) and its failures.
        return connection.preparedQuery("update key_rotation_runs set rows_rewrapped = rows_rewrapped + $2,"
                        + " batches = batches + 1, target_key_ref = $3,"
                        + " tenant_counts = (select coalesce(jsonb_object_agg(key, total), '{}'::jsonb) from ("
                        + "   select key, sum(value::bigint) as total from ("
                        + "     select * from jsonb_each_text(tenant_counts) union all select * from jsonb_each_text($4::jsonb)"
                        + "   ) merged group by key) summed),"
                        + " failed_rows = failed_rows || $7::jsonb,"
                        + " lease_expires_at = now() + $5 * interval '1 millisecond', updated_at = now()"
                        + " where id = $1 and lease_owner = $6")
                .execute(Tuple.of(run, outcome.rewrapped(), target, counts, config.lease().toMillis())
                        .addValue(owner).addValue(outcome.failures))
                .map(ignored -> outcome.processed());
    }

    /** Completes the run when no row is left off the target version (rows locked by writers are counted too). */
    private Uni<Void> completeIfNothingLeft(UUID run) {
        String target = vault.activeKeyId();
        StringBuilder remaining = new StringBuilder("select ");
        SecretTable[] tables = SecretTable.values();
        for (int i = 0; i < tables.length; i++) {
            SecretTable table = tables[i];
            remaining.append(i == 0 ? "" : " + ").append("(select count(*) from ").append(table.table())
                    .append(" where kms_key_id is distinct from $1 and id not in (select (f->>'id')::uuid")
                    .append(" from key_rotation_runs, jsonb_array_elements(failed_rows) f where id = $2) and (")
                    .append(String.join(" is not null or ", table.secretColumns())).append(" is not null))");
        }
        remaining.append(" as remaining");
        return system.inSystemTransaction(connection -> connection.preparedQuery(remaining.toString())
                .execute(Tuple.of(target, run))
                .chain(rows -> rows.iterator().next().getLong("remaining") > 0
                        ? Uni.createFrom().voidItem()
                        : complete(connection, run, target)));
    }

    private Uni<Void> complete(SqlConnection connection, UUID run, String target) {
        return connection.preparedQuery("update key_rotation_runs set finished_at = now(),"
                        + " status = case when failed_rows = '[]'::jsonb then 'COMPLETED' else 'COMPLETED_WITH_ERRORS' end,"
                        + " lease_owner = null, lease_expires_at = null, target_key_ref = $2, updated_at = now()"
                        + " where id = $1 and status = 'RUNNING' returning tenant_counts, rows_rewrapped")
                .execute(Tuple.of(run, target))
                .chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Uni.createFrom().voidItem();
                    }
                    Row done = rows.iterator().next();
                    LOG.infof("key rotation %s finished: %d rows now on %s", run, done.getLong("rows_rewrapped"), target);
                    // One KEY_ROTATED entry in the activity log of every tenant whose rows were re-wrapped.
                    return connection.preparedQuery("insert into integration_activity_logs (id, tenant_id, action,"
                                    + " actor_user_id, actor_display_name, details)"
                                    + " select gen_random_uuid(), key::uuid, 'KEY_ROTATED', 'system', 'Key rotation',"
                                    + " jsonb_build_object('rotationId', $1::text, 'targetKey', $2::text, 'rows', value::bigint)"
                                    + " from jsonb_each_text((select tenant_counts from key_rotation_runs where id = $1))")
                            .execute(Tuple.of(run, target))
                            .replaceWithVoid();
                });
    }

    /** What one batch did: rows re-wrapped per tenant, rows that failed, and rows to skip (failed earlier). */
    private static final class BatchOutcome {
        final Map<String, Integer> perTenant = new HashMap<>();
        final JsonArray failures = new JsonArray();
        final UUID[] excluded;

        BatchOutcome(UUID[] excluded) {
            this.excluded = excluded;
        }

        int rewrapped() {
            return perTenant.values().stream().mapToInt(Integer::intValue).sum();
        }

        int processed() {
            return rewrapped() + failures.size();
        }
    }
}
