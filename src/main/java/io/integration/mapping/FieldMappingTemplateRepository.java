package io.integration.mapping;

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
 * Queries of the tenant's mapping templates, always filtered on the tenant as well (second layer under RLS).
 * Must be called inside a {@link io.integration.tenancy.TenantTransactions} transaction.
 */
@ApplicationScoped
public class FieldMappingTemplateRepository implements PanacheRepositoryBase<FieldMappingTemplate, UUID> {

    public Uni<FieldMappingTemplate> findForTenant(TenantId tenant, UUID id) {
        return find("tenantId = :tenant and id = :id", Parameters.with("tenant", tenant.value()).and("id", id))
                .firstResult();
    }

    /** One page in (createdAt, id) order, fetching one extra row to know whether another page follows. */
    public Uni<List<FieldMappingTemplate>> listForTenant(TenantId tenant, String integrationType, PageRequest page) {
        StringBuilder query = new StringBuilder("tenantId = :tenant");
        Parameters params = Parameters.with("tenant", tenant.value());
        if (integrationType != null) {
            query.append(" and integrationType = :type");
            params.and("type", integrationType);
        }
        return Keyset.fetch(find(Keyset.after(query, params, page), params), page);
    }

    /** The other templates of the type currently flagged as default (at most one, by the partial unique index). */
    public Uni<List<FieldMappingTemplate>> otherDefaults(TenantId tenant, String integrationType, UUID exceptId) {
        return list("tenantId = :tenant and integrationType = :type and defaultTemplate = true and id <> :id",
                Parameters.with("tenant", tenant.value()).and("type", integrationType).and("id", exceptId));
    }
}
