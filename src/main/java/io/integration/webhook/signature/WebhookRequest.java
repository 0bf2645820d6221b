package io.integration.webhook.signature;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** An inbound webhook as received: the raw body bytes and the headers, looked up case-insensitively. */
public final class WebhookRequest {

    private final byte[] body;
    private final Map<String, List<String>> headers;

    public WebhookRequest(byte[] body, Map<String, ? extends List<String>> headers) {
        // Copied so the bytes that were verified are the bytes that get stored, whatever the caller does next.
        this.body = Objects.requireNonNull(body, "body").clone();
        Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (name != null && values != null) {
                List<String> merged = byName.computeIfAbsent(name, ignored -> new ArrayList<>());
                values.stream().filter(Objects::nonNull).forEach(merged::add);
            }
        });
        byName.replaceAll((name, values) -> List.copyOf(values));
        this.headers = Collections.unmodifiableMap(byName);
    }

    /** Convenience for one value per header, as most HTTP layers and tests have them. */
    public static WebhookRequest of(byte[] body, Map<String, String> headers) {
        Map<String, List<String>> multi = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) -> {
            if (name != null && value != null) {
                multi.computeIfAbsent(name, ignored -> new ArrayList<>()).add(value);
            }
        });
        return new WebhookRequest(body, multi);
    }

    /** A copy of the raw body. */
    public byte[] body() {
        return body.clone();
    }

    public int bodyLength() {
        return body.length;
    }

    /** The first value of the header; a repeated header cannot help a forger, since the value must still verify. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The body without a copy, for computing MACs over a possibly large payload. */
    byte[] rawBody() {
        return body;
    }

    @Override
    public String toString() {
        // Names only: values may carry signatures and tokens that have no business in a log line.
        return "WebhookRequest[bodyLength=" + body.length + ", headers=" + headers.keySet() + "]";
    }
}
