package io.integration.tenancy;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The one component that opens transactions on tenant data for the API.
 *
 * <p>Its first statement binds the tenant with {@code set_config('app.current_tenant_id', $1, true)}: the setting is
 * transaction-scoped (is_local = true), so it dies with the commit or rollback and never survives on a pooled
 * connection. Row-level security then limits every statement of the transaction to that tenant.
 */
@ApplicationScoped
public class TenantTransactions {

    // HQL rather than a native query: its plan is cached by the query string like every repository query, while
    // native queries made the plan cache grow with entries that never matched (see docs/PERFORMANCE.md).
    // Renders as: select set_config('app.current_tenant_id', $1, true) -- the tenant is always a bound parameter.
    static final String BIND_TENANT = "select function('set_config', 'app.current_tenant_id', :tenant, true)";

    /** Runs {@code work} in a new transaction bound to {@code tenant}; the work uses the Panache session. */
    public <T> Uni<T> inTenantTransaction(TenantId tenant, Supplier<Uni<T>> work) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createSelectionQuery(BIND_TENANT, String.class)
                        .setParameter("tenant", tenant.toString())
                        .getSingleResult())
                .chain(ignored -> work.get()));
    }
}
