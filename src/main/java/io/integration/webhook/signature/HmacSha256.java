package io.integration.webhook.signature;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 over concatenated parts, and a constant-time match of computed against presented MACs. */
final class HmacSha256 {

    static final int LENGTH = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private HmacSha256() {
    }

    /** The MAC of the parts in order, fed one by one so a large body is never copied into a concatenation. */
    static byte[] mac(byte[] key, byte[]... parts) {
        try {
            // A new Mac per call: instances are not thread-safe, and getInstance is cheap next to a 1 MB body.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is required of every Java platform and the key is non-empty, so this is a broken runtime.
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** Keys that can be used: a null or empty secret is a configuration gap, not something to HMAC with. */
    static List<byte[]> usableKeys(List<byte[]> secrets) {
        if (secrets == null) {
            return List.of();
        }
        return secrets.stream().filter(Objects::nonNull).filter(secret -> secret.length > 0).toList();
    }

    /**
     * Whether any presented MAC equals any computed one. Every pair is compared with
     * {@link MessageDigest#isEqual}, without stopping early, so timing says nothing about which pair matched.
     */
    static boolean anyMatches(List<byte[]> computed, List<byte[]> presented) {
        boolean matched = false;
        for (byte[] expected : computed) {
            for (byte[] candidate : presented) {
                matched |= MessageDigest.isEqual(expected, candidate);
            }
        }
        return matched;
    }
}
