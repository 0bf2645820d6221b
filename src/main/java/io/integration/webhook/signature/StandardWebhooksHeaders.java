package io.integration.webhook.signature;

import java.util.LinkedHashMap;
import java.util.Map;

/** The three header values of a message signed in the Standard Webhooks format. */
public record StandardWebhooksHeaders(String id, String timestamp, String signature) {

    /** Header name to value, in the spec's order. */
    public Map<String, String> asMap() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(StandardWebhooksScheme.ID_HEADER, id);
        headers.put(StandardWebhooksScheme.TIMESTAMP_HEADER, timestamp);
        headers.put(StandardWebhooksScheme.SIGNATURE_HEADER, signature);
        return headers;
    }
}
