package io.integration.mapping;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.integration.connection.ConnectionNotFoundException;
import io.integration.tenancy.TenantId;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Read-only view of the {@code connections} a mapping hangs on: whether one exists for the tenant and its provider.
 * A native query because the connection entity belongs to the connection feature; must run inside a tenant
 * transaction (so RLS applies) and filters on the tenant explicitly as well.
 */
@ApplicationScoped
public class ConnectionLookup {

    static final String PROVIDER_OF_CONNECTION = "select i.provider from connections c"
            + " join integrations i on i.id = c.integration_id and i.tenant_id = c.tenant_id"
            + " where c.tenant_id = :tenant and c.id = :connection";

    /** The provider slug of the tenant's connection, or a failure with {@link ConnectionNotFoundException}. */
    public Uni<String> requireProvider(TenantId tenant, UUID connectionId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(PROVIDER_OF_CONNECTION, String.class)
                        .setParameter("tenant", tenant.value())
                        .setParameter("connection", connectionId)
                        .getSingleResultOrNull())
                .onItem().ifNull().failWith(() -> new ConnectionNotFoundException(connectionId));
    }
}
