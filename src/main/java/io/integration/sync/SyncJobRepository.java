package io.integration.sync;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.integration.common.Keyset;
import io.integration.common.TenantFilter;
import io.integration.common.PageRequest;
import io.integration.tenancy.TenantId;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/** Tenant-filtered queries on sync_queue for the tenant API (RLS applies as well). */
@ApplicationScoped
public class SyncJobRepository implements PanacheRepositoryBase<SyncJob, UUID> {

    Uni<SyncJob> findForTenant(TenantId tenant, UUID id) {
        return find("tenantId = :tenant and id = :id", Parameters.with("tenant", tenant.value()).and("id", id))
                .firstResult();
    }

    /** The job locked FOR UPDATE, so a worker's completion cannot slip between reading and changing it. */
    Uni<SyncJob> lockForTenant(TenantId tenant, UUID id) {
        return find("tenantId = :tenant and id = :id", Parameters.with("tenant", tenant.value()).and("id", id))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    Uni<List<SyncJob>> listForTenant(TenantId tenant, SyncJobFilter filter, PageRequest page) {
        TenantFilter where = TenantFilter.of(tenant).equal("venueId", "venue", filter.venueId())
                .equal("integrationType", "provider", filter.provider()).equal("status", "status", filter.status())
                .equal("syncType", "syncType", filter.syncType());
        return Keyset.fetch(find(Keyset.after(where.query(), where.params(), page), where.params()), page);
    }
}
