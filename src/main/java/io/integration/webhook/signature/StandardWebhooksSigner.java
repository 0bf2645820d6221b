package io.integration.webhook.signature;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Signs events this service delivers to internal subscribers, in the Standard Webhooks format. */
public final class StandardWebhooksSigner {

    private static final byte[] SEPARATOR = {'.'};
    /** The spec warns that a {@code .} in the id would make the signed content ambiguous. */
    private static final int MAX_ID_LENGTH = 256;

    /** Signs with one {@code whsec_} secret (its UTF-8 bytes, as the vault returns it). */
    public StandardWebhooksHeaders sign(String id, Instant timestamp, byte[] body, byte[] secret) {
        return sign(id, timestamp, body, List.of(Objects.requireNonNull(secret, "secret")));
    }

    /**
     * Signs with every secret, one {@code v1} entry each, so a subscriber holding either the old or the new
     * secret accepts the message while a rotation overlaps.
     */
    public StandardWebhooksHeaders sign(String id, Instant timestamp, byte[] body, List<byte[]> secrets) {
        requireValidId(id);
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(body, "body");
        if (secrets == null || secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one secret is needed to sign");
        }
        String seconds = Long.toString(timestamp.getEpochSecond());
        byte[] idBytes = id.getBytes(StandardCharsets.US_ASCII);
        byte[] timestampBytes = seconds.getBytes(StandardCharsets.US_ASCII);
        List<String> signatures = new ArrayList<>();
        for (byte[] secret : secrets) {
            byte[] key = StandardWebhooksSecret.decodeKey(secret)
                    // Deliberately without the value: this message may reach a log.
                    .orElseThrow(() -> new IllegalArgumentException("a signing secret is not a whsec_ base64 key"));
            byte[] mac = HmacSha256.mac(key, idBytes, SEPARATOR, timestampBytes, SEPARATOR, body);
            signatures.add(StandardWebhooksScheme.SYMMETRIC_VERSION + "," + SignatureEncoding.BASE64.encode(mac));
        }
        return new StandardWebhooksHeaders(id, seconds, String.join(" ", signatures));
    }

    private static void requireValidId(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("a webhook id must have 1 to " + MAX_ID_LENGTH + " characters");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == '.' || c <= 0x20 || c > 0x7E) {
                throw new IllegalArgumentException("a webhook id must be visible ASCII without '.' or spaces");
            }
        }
    }
}
