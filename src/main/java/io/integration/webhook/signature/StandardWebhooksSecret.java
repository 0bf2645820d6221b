package io.integration.webhook.signature;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** The Standard Webhooks secret serialization: {@code whsec_} followed by the base64 of the key bytes. */
public final class StandardWebhooksSecret {

    public static final String PREFIX = "whsec_";
    /** The spec allows keys up to 512 bits; twice that in base64 text is already far too long. */
    private static final int MAX_SERIALIZED_LENGTH = 256;

    private StandardWebhooksSecret() {
    }

    /**
     * The HMAC key from a serialized secret (UTF-8 bytes as stored in the vault). The prefix is optional, as in
     * the reference libraries. Empty when the text is not base64 of a non-empty key; the result never echoes it.
     */
    public static Optional<byte[]> decodeKey(byte[] serialized) {
        if (serialized == null || serialized.length == 0 || serialized.length > MAX_SERIALIZED_LENGTH) {
            return Optional.empty();
        }
        String text = new String(serialized, StandardCharsets.UTF_8).strip();
        String base64 = text.startsWith(PREFIX) ? text.substring(PREFIX.length()) : text;
        try {
            byte[] key = Base64.getDecoder().decode(base64);
            return key.length == 0 ? Optional.empty() : Optional.of(key);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /** The serialized form of a key, as handed to a subscriber once. */
    public static String encode(byte[] key) {
        if (key == null || key.length == 0) {
            throw new IllegalArgumentException("a Standard Webhooks key cannot be empty");
        }
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }
}
