package io.integration.tenancy;

import java.util.function.Function;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Tenant transactions with plain SQL on one Vert.x pool: the first statement binds the tenant transaction-locally,
 * exactly like {@link TenantTransactions}. {@link SystemTransactions} is the worker-pool instance; {@link #on(Pool)}
 * gives one on any other pool (e.g. a second service instance in a test).
 */
public interface TenantSqlTransactions {

    /** Runs {@code work} in a new transaction of this pool bound to {@code tenant}. */
    <T> Uni<T> inTenantTransaction(TenantId tenant, Function<SqlConnection, Uni<T>> work);

    /** Tenant transactions on {@code pool}. */
    static TenantSqlTransactions on(Pool pool) {
        return new TenantSqlTransactions() {
            @Override
            public <T> Uni<T> inTenantTransaction(TenantId tenant, Function<SqlConnection, Uni<T>> work) {
                return TenantSqlTransactions.inTenantTransaction(pool, tenant, work);
            }
        };
    }

    /** The one implementation: {@code set_config('app.current_tenant_id', $1, true)} first, then the work. */
    static <T> Uni<T> inTenantTransaction(Pool pool, TenantId tenant, Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(connection -> connection
                .preparedQuery("select set_config('app.current_tenant_id', $1, true)")
                .execute(Tuple.of(tenant.toString()))
                .chain(ignored -> work.apply(connection)));
    }
}
