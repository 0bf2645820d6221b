package io.integration.tenancy;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Opens transactions for background work on the worker login (a member of {@code integration_system}).
 *
 * <p>System transactions set {@code app.is_system_user} transaction-locally; the RLS policies honour it only because
 * this login is a member of the system group. Work for one known tenant binds that tenant instead, exactly like the
 * API does, so it sees nothing else.
 */
@ApplicationScoped
public class SystemTransactions implements TenantSqlTransactions {

    private final Pool workerPool;

    public SystemTransactions(@ReactiveDataSource("worker") Pool workerPool) {
        this.workerPool = workerPool;
    }

    /** Runs {@code work} across all tenants (system bypass), e.g. to resolve a routing token or claim queued jobs. */
    public <T> Uni<T> inSystemTransaction(Function<SqlConnection, Uni<T>> work) {
        return workerPool.withTransaction(connection -> connection
                .query("select set_config('app.is_system_user', 'true', true)")
                .execute()
                .chain(ignored -> work.apply(connection)));
    }

    /** Runs {@code work} on the worker login but limited to one tenant, for background work on that tenant's rows. */
    @Override
    public <T> Uni<T> inTenantTransaction(TenantId tenant, Function<SqlConnection, Uni<T>> work) {
        return TenantSqlTransactions.inTenantTransaction(workerPool, tenant, work);
    }
}
