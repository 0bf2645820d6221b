package io.integration.credential.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integration.credential.kms.KeyRef;
import io.integration.credential.kms.WrappedKey;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The version-1 blob layout is exactly as documented, and parsing is strict and bounded. */
class EnvelopeBlobTest {

    private static final KeyRef KEY = new KeyRef("kek", 258);
    private static final byte[] WRAPPED = filled(60, 0x11);
    private static final byte[] NONCE = filled(12, 0x22);
    private static final byte[] CIPHERTEXT = filled(20, 0x33);

    @Test
    void writesTheDocumentedLayout() {
        byte[] blob = new EnvelopeBlob(new WrappedKey(KEY, WRAPPED), NONCE, CIPHERTEXT).toBytes();
        String expected = "43564c54" + "01" + "03" + "6b656b" + "00000102" + "003c"
                + "11".repeat(60) + "22".repeat(12) + "33".repeat(20);
        assertThat(HexFormat.of().formatHex(blob)).isEqualTo(expected);
    }

    @Test
    void parsesWhatItWrites() {
        byte[] blob = new EnvelopeBlob(new WrappedKey(KEY, WRAPPED), NONCE, CIPHERTEXT).toBytes();
        EnvelopeBlob parsed = EnvelopeBlob.parse(blob);
        assertThat(parsed.keyRef()).isEqualTo(KEY);
        assertThat(parsed.wrappedKey().bytes()).isEqualTo(WRAPPED);
        assertThat(parsed.nonce()).isEqualTo(NONCE);
        assertThat(parsed.ciphertext()).isEqualTo(CIPHERTEXT);
        assertThat(EnvelopeBlob.keyRefOf(blob)).isEqualTo(KEY);
    }

    @Test
    void readsTheKeyRefFromAHeaderAlone() {
        byte[] header = HexFormat.of().parseHex("43564c5401" + "03" + "6b656b" + "00000007");
        assertThat(EnvelopeBlob.keyRefOf(header)).isEqualTo(new KeyRef("kek", 7));
    }

    @Test
    void rejectsBadMagicUnknownVersionAndTooShortInput() {
        assertThatThrownBy(() -> EnvelopeBlob.parse(null)).isInstanceOf(MalformedBlobException.class);
        assertThatThrownBy(() -> EnvelopeBlob.parse(new byte[3])).hasMessageContaining("too short");
        assertThatThrownBy(() -> EnvelopeBlob.parse(HexFormat.of().parseHex("00564c540103")))
                .hasMessageContaining("bad magic");
        assertThatThrownBy(() -> EnvelopeBlob.parse(HexFormat.of().parseHex("43564c540203")))
                .isInstanceOf(MalformedBlobException.class)
                .hasMessageContaining("unsupported format version 2");
    }

    @Test
    void rejectsAbsurdLengthsWithoutAllocatingThem() {
        // Key id length 255 and wrapped length 65535 in a blob of a few bytes: rejected before any copy.
        assertThatThrownBy(() -> EnvelopeBlob.parse(HexFormat.of().parseHex("43564c5401ff6b656b")))
                .isInstanceOf(MalformedBlobException.class)
                .hasMessageContaining("key id length 255 out of range");
        byte[] hugeWrapped = ByteBuffer.allocate(100).put(HexFormat.of().parseHex("43564c5401036b656b00000001ffff"))
                .array();
        assertThatThrownBy(() -> EnvelopeBlob.parse(hugeWrapped))
                .isInstanceOf(MalformedBlobException.class)
                .hasMessageContaining("wrapped key length 65535 out of range");
        byte[] wrappedBeyondEnd = ByteBuffer.allocate(100)
                .put(HexFormat.of().parseHex("43564c5401036b656b00000001" + "0200")).array();
        assertThatThrownBy(() -> EnvelopeBlob.parse(wrappedBeyondEnd))
                .isInstanceOf(MalformedBlobException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void rejectsOversizedBlobsAndInvalidKeyRefs() {
        assertThatThrownBy(() -> EnvelopeBlob.parse(new byte[10 * 1024 * 1024]))
                .isInstanceOf(MalformedBlobException.class)
                .hasMessageContaining("exceed the maximum blob size");
        assertThatThrownBy(() -> EnvelopeBlob.keyRefOf(HexFormat.of().parseHex("43564c5401034b454b00000001")))
                .isInstanceOf(MalformedBlobException.class)
                .hasMessageContaining("invalid key id or version");
        assertThatThrownBy(() -> EnvelopeBlob.keyRefOf(HexFormat.of().parseHex("43564c5401036b656b00000000")))
                .isInstanceOf(MalformedBlobException.class);
        assertThatThrownBy(() -> EnvelopeBlob.keyRefOf(HexFormat.of().parseHex("43564c5401036b656b0000")))
                .hasMessageContaining("truncated header");
    }

    @Test
    void toStringShowsNoBytes() {
        EnvelopeBlob blob = new EnvelopeBlob(new WrappedKey(KEY, WRAPPED), NONCE, CIPHERTEXT);
        assertThat(blob.toString()).isEqualTo("EnvelopeBlob[v1, kek:258, 20 ciphertext bytes]");
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
