package io.integration.mapping;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.integration.common.Keyset;
import io.integration.common.PageRequest;
import io.integration.tenancy.TenantId;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/**
 * Queries of a connection's field mappings. Every query also filters on the tenant explicitly (second layer under
 * row-level security). Must be called inside a {@link io.integration.tenancy.TenantTransactions} transaction.
 */
@ApplicationScoped
public class FieldMappingRepository implements PanacheRepositoryBase<FieldMapping, UUID> {

    public Uni<FieldMapping> findForConnection(TenantId tenant, UUID connectionId, UUID id) {
        return find("tenantId = :tenant and connectionId = :connection and id = :id", Parameters
                .with("tenant", tenant.value()).and("connection", connectionId).and("id", id))
                .firstResult();
    }

    /** One page in (createdAt, id) order, fetching one extra row to know whether another page follows. */
    public Uni<List<FieldMapping>> listForConnection(TenantId tenant, UUID connectionId, FieldTransform transform,
            PageRequest page) {
        StringBuilder query = new StringBuilder("tenantId = :tenant and connectionId = :connection");
        Parameters params = Parameters.with("tenant", tenant.value()).and("connection", connectionId);
        if (transform != null) {
            query.append(" and transform = :transform");
            params.and("transform", transform);
        }
        return Keyset.fetch(find(Keyset.after(query, params, page), params), page);
    }

    /** The connection's mappings reading from any of {@code sourceFields} (to match pairs when applying a template). */
    public Uni<List<FieldMapping>> listBySources(TenantId tenant, UUID connectionId, Collection<String> sourceFields) {
        return list("tenantId = :tenant and connectionId = :connection and sourceField in :sources", Parameters
                .with("tenant", tenant.value()).and("connection", connectionId).and("sources", sourceFields));
    }

    /** Every rule of the connection, in the order the engine runs them (position, then creation). */
    public Uni<List<FieldMapping>> listAllForConnection(TenantId tenant, UUID connectionId) {
        return list("tenantId = :tenant and connectionId = :connection order by position, createdAt, id", Parameters
                .with("tenant", tenant.value()).and("connection", connectionId));
    }

    /** The position after the connection's last mapping (0 for the first). */
    public Uni<Integer> nextPosition(TenantId tenant, UUID connectionId) {
        return find("select coalesce(max(position) + 1, 0) from FieldMapping"
                        + " where tenantId = :tenant and connectionId = :connection",
                Parameters.with("tenant", tenant.value()).and("connection", connectionId))
                .project(Integer.class)
                .firstResult();
    }
}
