package io.integration.webhook.signature;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/** How a provider writes an HMAC-SHA256 value into a header. */
public enum SignatureEncoding {

    HEX("hex") {
        @Override
        public String encode(byte[] mac) {
            return HexFormat.of().formatHex(mac);
        }

        @Override
        Optional<byte[]> decodeMac(String text) {
            if (text.length() != HmacSha256.LENGTH * 2) {
                return Optional.empty();
            }
            try {
                return Optional.of(HexFormat.of().parseHex(text));
            } catch (IllegalArgumentException notHex) {
                return Optional.empty();
            }
        }
    },

    BASE64("base64") {
        @Override
        public String encode(byte[] mac) {
            return Base64.getEncoder().encodeToString(mac);
        }

        @Override
        Optional<byte[]> decodeMac(String text) {
            // 32 bytes are 44 characters padded, 43 unpadded; anything longer is refused before decoding.
            if (text.length() < 43 || text.length() > 44) {
                return Optional.empty();
            }
            try {
                byte[] mac = Base64.getDecoder().decode(text);
                return mac.length == HmacSha256.LENGTH ? Optional.of(mac) : Optional.empty();
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
        }
    };

    private final String id;

    SignatureEncoding(String id) {
        this.id = id;
    }

    /** The name used in provider definitions: {@code hex} or {@code base64}. */
    public String id() {
        return id;
    }

    public static SignatureEncoding fromId(String id) {
        for (SignatureEncoding encoding : values()) {
            if (encoding.id.equals(id == null ? null : id.toLowerCase(Locale.ROOT))) {
                return encoding;
            }
        }
        throw new IllegalArgumentException("Unknown signature encoding '" + id + "'; expected hex or base64");
    }

    public abstract String encode(byte[] mac);

    /** The 32 MAC bytes, or empty when the text is not exactly one well-formed HMAC-SHA256 value. */
    abstract Optional<byte[]> decodeMac(String text);
}
