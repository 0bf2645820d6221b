package io.integration.sync;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.integration.common.Keyset;
import io.integration.common.TenantFilter;
import io.integration.common.PageRequest;
import io.integration.tenancy.TenantId;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Tenant-filtered queries on sync_logs (RLS applies as well). */
@ApplicationScoped
public class SyncLogRepository implements PanacheRepositoryBase<SyncLog, UUID> {

    Uni<List<SyncLog>> listForTenant(TenantId tenant, SyncLogFilter filter, PageRequest page) {
        TenantFilter where = TenantFilter.of(tenant).equal("venueId", "venue", filter.venueId())
                .equal("integrationType", "provider", filter.provider()).equal("syncJobId", "job", filter.jobId())
                .equal("status", "status", filter.status());
        return Keyset.fetch(find(Keyset.after(where.query(), where.params(), page), where.params()), page);
    }
}
