package io.integration.common;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/** An opaque keyset cursor over (created_at, id): stable under inserts, no offset scans. */
public record Cursor(Instant createdAt, UUID id) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
        return ENCODER.encodeToString((micros + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor given by a client; anything malformed is a 400. */
    public static Cursor decode(String value) {
        try {
            String text = new String(DECODER.decode(value), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            long micros = Long.parseLong(text.substring(0, colon));
            return new Cursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), UUID.fromString(text.substring(colon + 1)));
        } catch (RuntimeException e) {
            throw new InvalidRequestException("'cursor' is not a cursor returned by this API");
        }
    }
}
