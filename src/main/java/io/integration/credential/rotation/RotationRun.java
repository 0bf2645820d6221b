package io.integration.credential.rotation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;

/** The state of a key-rotation run as the admin API reports it. */
@Schema(name = "KeyRotationRun")
public record RotationRun(UUID id, String targetKeyRef, String status, long rowsRewrapped, int batches,
        @Schema(description = "Rows whose data key could not be unwrapped (altered or moved); they keep their old key version")
        List<Map<String, Object>> failedRows,
        String lastError, Instant startedAt, Instant finishedAt) {

    static final String COLUMNS = "id, target_key_ref, status, rows_rewrapped, batches, failed_rows, last_error,"
            + " started_at, finished_at";

    @SuppressWarnings("unchecked")
    static RotationRun from(Row row) {
        JsonArray failed = (JsonArray) row.getValue("failed_rows");
        List<Map<String, Object>> failures = failed == null ? List.of()
                : failed.stream().map(item -> ((JsonObject) item).getMap()).toList();
        return new RotationRun(row.getUUID("id"), row.getString("target_key_ref"), row.getString("status"),
                row.getLong("rows_rewrapped"), row.getInteger("batches"), failures, row.getString("last_error"),
                instant(row.getOffsetDateTime("started_at")), instant(row.getOffsetDateTime("finished_at")));
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
