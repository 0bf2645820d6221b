package io.integration.credential.rotation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.integration.common.DatabaseErrors;
import io.integration.common.InvalidRequestException;
import io.integration.common.ResourceNotFoundException;
import io.integration.credential.kms.KeyProvider;
import io.integration.credential.kms.KeyRef;
import io.integration.credential.vault.SecretTable;
import io.integration.tenancy.Actor;
import io.integration.tenancy.SystemTransactions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Platform operations on key-encryption keys: activate a version, start and follow a rotation, retire a version. */
@ApplicationScoped
public class KeyRotationService {

    private final SystemTransactions system;
    private final KeyProvider keyProvider;

    public KeyRotationService(SystemTransactions system, KeyProvider keyProvider) {
        this.system = system;
        this.keyProvider = keyProvider;
    }

    /** Every key version the provider holds, its shared state and how many rows still use it. */
    public Uni<List<KeyVersionState>> keyVersions() {
        return system.inSystemTransaction(connection -> rowsPerKey(connection)
                .chain(counts -> connection.query("select key_ref, state from kms_key_versions").execute()
                        .map(rows -> {
                            Map<String, String> states = new HashMap<>();
                            rows.forEach(row -> states.put(row.getString("key_ref"), row.getString("state")));
                            List<KeyVersionState> result = new ArrayList<>();
                            for (KeyRef ref : keyProvider.knownKeys().stream().sorted().toList()) {
                                String state = ref.equals(keyProvider.activeKey()) ? "ACTIVE"
                                        : keyProvider.retiredKeys().contains(ref) ? "RETIRED"
                                        : states.getOrDefault(ref.toString(), "ENABLED");
                                result.add(new KeyVersionState(ref.toString(), state, counts.getOrDefault(ref.toString(), 0L)));
                            }
                            return result;
                        })));
    }

    /** Makes a held key version the one new secrets are wrapped with, on this replica at once and on the others at their next sync. */
    public Uni<KeyVersionState> activate(String keyRef, Actor actor) {
        KeyRef ref = parseKnown(keyRef);
        if (keyProvider.retiredKeys().contains(ref)) {
            throw new InvalidRequestException("key version " + ref + " is retired and cannot be activated");
        }
        return system.inSystemTransaction(connection -> connection
                        .query("update kms_key_versions set state = 'ENABLED', updated_at = now() where state = 'ACTIVE'")
                        .execute()
                        .chain(() -> connection.preparedQuery("insert into kms_key_versions (key_ref, state, changed_by)"
                                        + " values ($1, 'ACTIVE', $2) on conflict (key_ref) do update"
                                        + " set state = 'ACTIVE', changed_by = $2, updated_at = now()")
                                .execute(Tuple.of(ref.toString(), actor.userId()))))
                .invoke(() -> keyProvider.activate(ref))
                .map(ignored -> new KeyVersionState(ref.toString(), "ACTIVE", 0));
    }

    /** Starts a run that re-wraps every stored data key under the active version; the job picks it up. */
    public Uni<RotationRun> startRotation(Actor actor) {
        String target = keyProvider.activeKey().toString();
        return system.inSystemTransaction(connection -> connection
                        .preparedQuery("insert into key_rotation_runs (target_key_ref, requested_by) values ($1, $2)"
                                + " returning " + RotationRun.COLUMNS)
                        .execute(Tuple.of(target, actor.userId()))
                        .map(rows -> RotationRun.from(rows.iterator().next())))
                .onFailure(DatabaseErrors::isUniqueViolation)
                .transform(e -> new RotationAlreadyRunningException());
    }

    public Uni<RotationRun> run(UUID id) {
        return system.inSystemTransaction(connection -> connection
                        .preparedQuery("select " + RotationRun.COLUMNS + " from key_rotation_runs where id = $1")
                        .execute(Tuple.of(id))
                        .map(rows -> rows.iterator().hasNext() ? RotationRun.from(rows.iterator().next()) : null))
                .onItem().ifNull().failWith(() -> new ResourceNotFoundException("key rotation run", id));
    }

    public Uni<RotationRun> latestRun() {
        return system.inSystemTransaction(connection -> connection
                        .query("select " + RotationRun.COLUMNS + " from key_rotation_runs order by started_at desc limit 1")
                        .execute()
                        .map(rows -> rows.iterator().hasNext() ? RotationRun.from(rows.iterator().next()) : null))
                .onItem().ifNull().failWith(() -> new InvalidRequestException("no key rotation has run yet"));
    }

    /** Retires a key version, refused while it is active or any row still has a data key wrapped by it. */
    public Uni<KeyVersionState> retire(String keyRef, Actor actor) {
        KeyRef ref = parseKnown(keyRef);
        if (ref.equals(keyProvider.activeKey())) {
            throw new KeyInUseException(ref.toString(), "it is the active version; activate another one first");
        }
        return system.inSystemTransaction(connection -> rowsPerKey(connection)
                        .chain(counts -> {
                            long using = counts.getOrDefault(ref.toString(), 0L);
                            if (using > 0) {
                                return Uni.createFrom().failure(new KeyInUseException(ref.toString(),
                                        using + " rows still have data keys wrapped by it; run a rotation first"
                                                + " (rows it reports as failed must be repaired or deleted)"));
                            }
                            return connection.preparedQuery("insert into kms_key_versions (key_ref, state, changed_by)"
                                            + " values ($1, 'RETIRED', $2) on conflict (key_ref) do update"
                                            + " set state = 'RETIRED', changed_by = $2, updated_at = now()")
                                    .execute(Tuple.of(ref.toString(), actor.userId()))
                                    .replaceWithVoid();
                        }))
                .invoke(() -> keyProvider.retire(ref))
                .map(ignored -> new KeyVersionState(ref.toString(), "RETIRED", 0));
    }

    private KeyRef parseKnown(String keyRef) {
        KeyRef ref;
        try {
            ref = KeyRef.parse(keyRef);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("'keyRef' must look like <key id>:<version>, e.g. main:2");
        }
        if (!keyProvider.knownKeys().contains(ref)) {
            throw new InvalidRequestException("the key provider holds no key version " + ref);
        }
        return ref;
    }

    private static Uni<Map<String, Long>> rowsPerKey(SqlConnection connection) {
        StringBuilder sql = new StringBuilder("select kms_key_id, sum(n)::bigint as rows from (");
        SecretTable[] tables = SecretTable.values();
        for (int i = 0; i < tables.length; i++) {
            sql.append(i == 0 ? "" : " union all ").append("select kms_key_id, count(*) as n from ")
                    .append(tables[i].table()).append(" where kms_key_id is not null group by kms_key_id");
        }
        sql.append(") used group by kms_key_id");
        return connection.query(sql.toString()).execute().map(rows -> {
            Map<String, Long> counts = new HashMap<>();
            for (Row row : rows) {
                counts.put(row.getString("kms_key_id"), row.getLong("rows"));
            }
            return counts;
        });
    }
}
