package io.integration.sync;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.integration.common.Keyset;
import io.integration.common.PageRequest;
import io.integration.tenancy.TenantId;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/** Tenant-filtered queries on sync_logs (RLS applies as well). */
@ApplicationScoped
public class SyncLogRepository implements PanacheRepositoryBase<SyncLog, UUID> {

    Uni<List<SyncLog>> listForTenant(TenantId tenant, SyncLogFilter filter, PageRequest page) {
        Parameters params = Parameters.with("tenant", tenant.value());
        StringBuilder query = new StringBuilder("tenantId = :tenant");
        if (filter.venueId() != null) {
            query.append(" and venueId = :venue");
            params.and("venue", filter.venueId());
        }
        if (filter.provider() != null) {
            query.append(" and integrationType = :provider");
            params.and("provider", filter.provider());
        }
        if (filter.jobId() != null) {
            query.append(" and syncJobId = :job");
            params.and("job", filter.jobId());
        }
        if (filter.status() != null) {
            query.append(" and status = :status");
            params.and("status", filter.status());
        }
        return Keyset.fetch(find(Keyset.after(query, params, page), params), page);
    }
}
