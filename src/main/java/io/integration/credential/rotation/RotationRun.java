package io.integration.credential.rotation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.vertx.mutiny.sqlclient.Row;

/** The state of a key-rotation run as the admin API reports it. */
@Schema(name = "KeyRotationRun")
public record RotationRun(UUID id, String targetKeyRef, String status, long rowsRewrapped, int batches,
        String lastError, Instant startedAt, Instant finishedAt) {

    static final String COLUMNS = "id, target_key_ref, status, rows_rewrapped, batches, last_error, started_at, finished_at";

    static RotationRun from(Row row) {
        return new RotationRun(row.getUUID("id"), row.getString("target_key_ref"), row.getString("status"),
                row.getLong("rows_rewrapped"), row.getInteger("batches"), row.getString("last_error"),
                instant(row.getOffsetDateTime("started_at")), instant(row.getOffsetDateTime("finished_at")));
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
