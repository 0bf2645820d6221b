package io.integration.sync;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.mutiny.sqlclient.Row;

/** Reads the rows of the queue's raw SQL into the records the API and the runners use. */
final class SyncQueueRows {

    static final String LOG_COLUMNS = "id, sync_job_id, venue_id, integration_type, sync_type, status, attempt,"
            + " worker_id, started_at, finished_at, records_fetched, records_created, records_updated, records_deleted,"
            + " records_failed, error_message, created_at";

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private SyncQueueRows() {
    }

    static ClaimedJob claimed(Row row, ObjectMapper mapper) {
        return new ClaimedJob(row.getUUID("id"), row.getUUID("tenant_id"), row.getUUID("venue_id"),
                row.getString("integration_type"), SyncType.valueOf(row.getString("sync_type")),
                json(row.getString("payload_json"), mapper), row.getInteger("attempts"), row.getInteger("max_attempts"),
                instant(row, "lease_expires_at"), row.getString("cursor"));
    }

    /** A sync_logs row selected with {@link #LOG_COLUMNS}, plus job_status and next_attempt_at of its job. */
    static SyncAttemptResponse attempt(Row row) {
        SyncJobStatus status = SyncJobStatus.valueOf(row.getString("job_status"));
        return new SyncAttemptResponse(row.getUUID("sync_job_id"), status,
                status == SyncJobStatus.PENDING ? instant(row, "next_attempt_at") : null, log(row));
    }

    static SyncLogResponse log(Row row) {
        return new SyncLogResponse(row.getUUID("id"), row.getUUID("sync_job_id"), row.getUUID("venue_id"),
                row.getString("integration_type"), SyncType.valueOf(row.getString("sync_type")),
                SyncLogStatus.valueOf(row.getString("status")), row.getInteger("attempt"), row.getString("worker_id"),
                instant(row, "started_at"), instant(row, "finished_at"),
                new SyncCounts(row.getInteger("records_fetched"), row.getInteger("records_created"),
                        row.getInteger("records_updated"), row.getInteger("records_deleted"),
                        row.getInteger("records_failed")),
                row.getString("error_message"), instant(row, "created_at"));
    }

    static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    static String toJson(Map<String, Object> value, ObjectMapper mapper) {
        if (value == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serializable as JSON", e);
        }
    }

    private static Map<String, Object> json(String text, ObjectMapper mapper) {
        try {
            return text == null ? Map.of() : mapper.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sync_queue.payload is not a JSON object", e);
        }
    }
}
