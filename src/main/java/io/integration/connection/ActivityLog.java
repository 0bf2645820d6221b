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
}
