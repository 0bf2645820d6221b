package io.integration.webhook.signature;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 straight from the JDK, for signing test requests at arbitrary timestamps. Each scheme test also
 * pins a fixed published or precomputed vector, so these helpers cannot hide a wrong signed-content layout.
 */
final class TestMacs {

    private TestMacs() {
    }

    static byte[] hmac(byte[] key, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(String key, String content) {
        return HexFormat.of().formatHex(hmac(key.getBytes(StandardCharsets.UTF_8), content));
    }

    static String base64(byte[] key, String content) {
        return Base64.getEncoder().encodeToString(hmac(key, content));
    }

    static Clock clockAt(long epochSeconds) {
        return Clock.fixed(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC);
    }
}
