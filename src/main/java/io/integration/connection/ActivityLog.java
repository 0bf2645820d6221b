package io.integration.connection;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.integration.tenancy.Actor;
import io.integration.tenancy.TenantId;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Writes activity-log entries inside the caller's tenant transaction, so the event and the change commit together. */
@ApplicationScoped
public class ActivityLog implements PanacheRepositoryBase<ActivityLogEntry, UUID> {

    public Uni<ActivityLogEntry> record(TenantId tenant, Actor actor, ActivityAction action, UUID integrationId,
            UUID connectionId, Map<String, Object> details) {
        ActivityLogEntry entry = new ActivityLogEntry();
        entry.id = UUID.randomUUID();
        entry.tenantId = tenant.value();
        entry.integrationId = integrationId;
        entry.connectionId = connectionId;
        entry.action = action;
        entry.actorUserId = actor.userId();
        entry.actorDisplayName = actor.displayName();
        entry.details = details;
        return persist(entry);
    }

    /** Newest first; one extra row is fetched by the caller's page size to know whether another page follows. */
    public Uni<java.util.List<ActivityLogEntry>> listForTenant(TenantId tenant, UUID integrationId, UUID connectionId,
            ActivityAction action, io.integration.common.PageRequest page) {
        StringBuilder query = new StringBuilder("tenantId = :tenant");
        io.quarkus.panache.common.Parameters params = io.quarkus.panache.common.Parameters.with("tenant", tenant.value());
        if (integrationId != null) {
            query.append(" and integrationId = :integration");
            params.and("integration", integrationId);
        }
        if (connectionId != null) {
            query.append(" and connectionId = :connection");
            params.and("connection", connectionId);
        }
        if (action != null) {
            query.append(" and action = :action");
            params.and("action", action);
        }
        if (page.after() != null) {
            query.append(" and (createdAt < :beforeCreated or (createdAt = :beforeCreated and id < :beforeId))");
            params.and("beforeCreated", page.after().createdAt()).and("beforeId", page.after().id());
        }
        query.append(" order by createdAt desc, id desc");
        return find(query.toString(), params).range(0, page.limit() - 1).list();
    }
}
