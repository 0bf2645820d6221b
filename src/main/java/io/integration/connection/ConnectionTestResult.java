package io.integration.connection;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The outcome of testing a connection against its provider. */
@Schema(name = "ConnectionTestResult")
public record ConnectionTestResult(
        @Schema(description = "TEST_SUCCESS or TEST_FAILED") String outcome,
        @Schema(description = "HTTP status the provider answered, absent when it could not be reached") Integer providerStatus,
        @Schema(description = "A safe description; never the provider's response body") String message,
        long durationMs, ConnectionResponse connection) {
}
