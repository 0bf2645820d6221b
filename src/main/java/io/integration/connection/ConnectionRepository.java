package io.integration.connection;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.integration.common.Keyset;
import io.integration.common.PageRequest;
import io.integration.tenancy.TenantId;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/** Connection queries, always filtered on the tenant as well (second layer under RLS). */
@ApplicationScoped
public class ConnectionRepository implements PanacheRepositoryBase<Connection, UUID> {

    public Uni<Connection> findForTenant(TenantId tenant, UUID id) {
        return find("tenantId = :tenant and id = :id", Parameters.with("tenant", tenant.value()).and("id", id))
                .firstResult();
    }

    /** The one connection of (integration, venue, user); venue and user may each be absent. */
    public Uni<Connection> findByOwner(TenantId tenant, UUID integrationId, UUID venueId, UUID userId) {
        Parameters params = Parameters.with("tenant", tenant.value()).and("integration", integrationId);
        StringBuilder query = new StringBuilder("tenantId = :tenant and integrationId = :integration");
        query.append(venueId == null ? " and venueId is null" : " and venueId = :venue");
        query.append(userId == null ? " and userId is null" : " and userId = :user");
        if (venueId != null) {
            params.and("venue", venueId);
        }
        if (userId != null) {
            params.and("user", userId);
        }
        // Locked: concurrent reconnects of the same owner apply one after the other instead of failing.
        return find(query.toString(), params).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<List<Connection>> listForTenant(TenantId tenant, ConnectionFilter filter, PageRequest page) {
        StringBuilder query = new StringBuilder("tenantId = :tenant");
        Parameters params = Parameters.with("tenant", tenant.value());
        if (filter.integrationId() != null) {
            query.append(" and integrationId = :integration");
            params.and("integration", filter.integrationId());
        }
        if (filter.venueId() != null) {
            query.append(" and venueId = :venue");
            params.and("venue", filter.venueId());
        }
        if (filter.status() != null) {
            query.append(" and status = :status");
            params.and("status", filter.status());
        }
        return Keyset.fetch(find(Keyset.after(query, params, page), params), page);
    }
}
