package io.integration.credential.rotation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.integration.credential.kms.KeyProvider;
import io.integration.credential.kms.KeyRef;
import io.integration.tenancy.SystemTransactions;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Keeps every replica's key provider in step with the shared key states in {@code kms_key_versions}: which version
 * wraps new data keys and which are retired. The first replica to start records its configured active key.
 */
@ApplicationScoped
public class KeyStateSync {

    private static final Logger LOG = Logger.getLogger(KeyStateSync.class);

    private final KeyProvider keyProvider;
    private final SystemTransactions system;

    public KeyStateSync(KeyProvider keyProvider, SystemTransactions system) {
        this.keyProvider = keyProvider;
        this.system = system;
    }

    void onStart(@Observes StartupEvent event) {
        try {
            sync().await().indefinitely();
        } catch (RuntimeException e) {
            // A misconfigured provider shows up in readiness; the service still starts to report it.
            LOG.errorf("could not load the shared key states: %s", e.getMessage());
        }
    }

    @Scheduled(every = "${integration.rotation.key-state-sync-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledSync() {
        return sync()
                .onFailure().invoke(e -> LOG.warnf("key state sync failed: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Records the configured active key if none is shared yet, then applies the shared states to this replica. */
    public Uni<Void> sync() {
        String configured = keyProvider.activeKey().toString();
        return system.inSystemTransaction(connection -> connection
                .preparedQuery("insert into kms_key_versions (key_ref, state, changed_by) select $1, 'ACTIVE', 'startup'"
                        + " where not exists (select 1 from kms_key_versions where state = 'ACTIVE')"
                        + " on conflict (key_ref) do nothing")
                .execute(Tuple.of(configured))
                .chain(() -> connection.query("select key_ref, state from kms_key_versions").execute()))
                .invoke(this::apply)
                .replaceWithVoid();
    }

    private void apply(RowSet<Row> states) {
        for (Row row : states) {
            KeyRef ref = KeyRef.parse(row.getString("key_ref"));
            String state = row.getString("state");
            if (!keyProvider.knownKeys().contains(ref)) {
                if (!"RETIRED".equals(state)) {
                    LOG.errorf("key version %s is %s in the database but this replica's key provider does not hold it",
                            ref, state);
                }
                continue;
            }
            if ("ACTIVE".equals(state) && !ref.equals(keyProvider.activeKey())) {
                keyProvider.activate(ref);
                LOG.infof("key version %s is now active on this replica", ref);
            } else if ("RETIRED".equals(state) && !keyProvider.retiredKeys().contains(ref)) {
                keyProvider.retire(ref);
                LOG.infof("key version %s is retired on this replica", ref);
            }
        }
    }
}
