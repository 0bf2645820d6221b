package io.integration.connection;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One activity-log entry as the API returns it. */
@Schema(name = "ActivityLogEntry")
public record ActivityLogEntryResponse(UUID id, UUID integrationId, UUID connectionId, ActivityAction action,
        String actorUserId, String actorDisplayName, Map<String, Object> details, Instant createdAt) {

    static ActivityLogEntryResponse of(ActivityLogEntry e) {
        return new ActivityLogEntryResponse(e.id, e.integrationId, e.connectionId, e.action, e.actorUserId,
                e.actorDisplayName, e.details, e.createdAt);
    }
}
