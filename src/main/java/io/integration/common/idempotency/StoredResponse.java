package io.integration.common.idempotency;

import java.util.Map;

/** A completed request's response as stored for replay: status, JSON body and the headers that matter. */
public record StoredResponse(int status, String body, Map<String, String> headers) {
}
