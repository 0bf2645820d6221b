package io.integration.webhook.signature;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Secrets and small builders shared by the scheme tests. */
final class TestSecrets {

    private TestSecrets() {
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static List<byte[]> secrets(String... secrets) {
        return java.util.Arrays.stream(secrets).map(TestSecrets::utf8).toList();
    }

    /** The same bytes with the one at {@code index} changed, for the modified-body cases. */
    static byte[] flipByte(byte[] bytes, int index) {
        byte[] copy = bytes.clone();
        copy[index] ^= 0x01;
        return copy;
    }
}
