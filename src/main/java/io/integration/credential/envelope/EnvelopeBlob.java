package io.integration.credential.envelope;

import io.integration.credential.kms.KeyRef;
import io.integration.credential.kms.WrappedKey;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The versioned, self-describing envelope blob stored in a secret column. Format version 1, big-endian:
 *
 * <pre>
 * offset      size  field
 * 0           4     magic "CVLT" (0x43 0x56 0x4C 0x54)
 * 4           1     format version (0x01)
 * 5           1     key id length n (1..64)
 * 6           n     key id (ASCII, [a-z0-9][a-z0-9_-]*)
 * 6+n         4     key version (signed int, >= 1)
 * 10+n        2     wrapped data key length m (1..512)
 * 12+n        m     wrapped data key (provider-specific; 60 bytes for the AES-GCM wrap)
 * 12+n+m      12    nonce of the data encryption
 * 24+n+m      c     AES-256-GCM ciphertext || 16-byte tag (16 <= c <= 64 KiB + 16)
 * </pre>
 *
 * Parsing is strict: every length is checked against the bytes actually present before anything is copied, and
 * trailing bytes are rejected, so a corrupt length can never cause a large allocation. See ADR 0003.
 */
public final class EnvelopeBlob {

    public static final byte FORMAT_VERSION = 1;
    public static final int MAX_PLAINTEXT_BYTES = 64 * 1024;
    static final int MAX_KEY_ID_BYTES = 64;
    static final int MAX_WRAPPED_KEY_BYTES = 512;

    private static final byte[] MAGIC = {0x43, 0x56, 0x4C, 0x54};
    private static final int MAX_BLOB_BYTES = MAGIC.length + 1 + 1 + MAX_KEY_ID_BYTES + 4 + 2
            + MAX_WRAPPED_KEY_BYTES + AesGcm.NONCE_BYTES + MAX_PLAINTEXT_BYTES + AesGcm.TAG_BYTES;

    private final WrappedKey wrappedKey;
    private final byte[] nonce;
    private final byte[] ciphertext;

    public EnvelopeBlob(WrappedKey wrappedKey, byte[] nonce, byte[] ciphertext) {
        this.wrappedKey = Objects.requireNonNull(wrappedKey, "wrappedKey");
        this.nonce = nonce.clone();
        this.ciphertext = ciphertext.clone();
        if (nonce.length != AesGcm.NONCE_BYTES || wrappedKey.length() < 1
                || wrappedKey.length() > MAX_WRAPPED_KEY_BYTES || ciphertext.length < AesGcm.TAG_BYTES
                || ciphertext.length > MAX_PLAINTEXT_BYTES + AesGcm.TAG_BYTES) {
            throw new IllegalArgumentException("envelope parts out of bounds");
        }
    }

    /** Parses and validates a blob; throws {@link MalformedBlobException} on anything unexpected. */
    public static EnvelopeBlob parse(byte[] blob) {
        ByteBuffer in = header(blob);
        KeyRef keyRef = readKeyRef(in);
        if (in.remaining() < 2) {
            throw new MalformedBlobException("truncated header");
        }
        int wrappedLength = Short.toUnsignedInt(in.getShort());
        if (wrappedLength < 1 || wrappedLength > MAX_WRAPPED_KEY_BYTES) {
            throw new MalformedBlobException("wrapped key length " + wrappedLength + " out of range");
        }
        int ciphertextLength = in.remaining() - wrappedLength - AesGcm.NONCE_BYTES;
        if (ciphertextLength < AesGcm.TAG_BYTES) {
            throw new MalformedBlobException("truncated: " + blob.length + " bytes do not hold the declared parts");
        }
        if (ciphertextLength > MAX_PLAINTEXT_BYTES + AesGcm.TAG_BYTES) {
            throw new MalformedBlobException("ciphertext of " + ciphertextLength + " bytes exceeds the maximum");
        }
        byte[] wrapped = new byte[wrappedLength];
        byte[] nonce = new byte[AesGcm.NONCE_BYTES];
        byte[] ciphertext = new byte[ciphertextLength];
        in.get(wrapped).get(nonce).get(ciphertext);
        return new EnvelopeBlob(new WrappedKey(keyRef, wrapped), nonce, ciphertext);
    }

    /** Reads which key version wrapped the data key without touching the rest (for rotation bookkeeping). */
    public static KeyRef keyRefOf(byte[] blob) {
        return readKeyRef(header(blob));
    }

    /** The first bytes of every version-1 blob; bound into the data AAD so the format cannot be swapped. */
    static byte[] formatPrefix() {
        byte[] prefix = Arrays.copyOf(MAGIC, MAGIC.length + 1);
        prefix[MAGIC.length] = FORMAT_VERSION;
        return prefix;
    }

    public byte[] toBytes() {
        byte[] keyId = wrappedKey.keyId().getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(MAGIC.length + 1 + 1 + keyId.length + 4 + 2 + wrappedKey.length()
                        + nonce.length + ciphertext.length)
                .put(MAGIC)
                .put(FORMAT_VERSION)
                .put((byte) keyId.length)
                .put(keyId)
                .putInt(wrappedKey.keyVersion())
                .putShort((short) wrappedKey.length())
                .put(wrappedKey.bytes())
                .put(nonce)
                .put(ciphertext)
                .array();
    }

    /** The same ciphertext body with another wrapping of the same data key. */
    public EnvelopeBlob withWrappedKey(WrappedKey rewrapped) {
        return new EnvelopeBlob(rewrapped, nonce, ciphertext);
    }

    public WrappedKey wrappedKey() {
        return wrappedKey;
    }

    public KeyRef keyRef() {
        return wrappedKey.keyRef();
    }

    public byte[] nonce() {
        return nonce.clone();
    }

    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public String toString() {
        return "EnvelopeBlob[v" + FORMAT_VERSION + ", " + keyRef() + ", " + ciphertext.length + " ciphertext bytes]";
    }

    private static ByteBuffer header(byte[] blob) {
        if (blob == null || blob.length < MAGIC.length + 1) {
            throw new MalformedBlobException("too short to be an envelope blob");
        }
        if (blob.length > MAX_BLOB_BYTES) {
            throw new MalformedBlobException(blob.length + " bytes exceed the maximum blob size " + MAX_BLOB_BYTES);
        }
        if (!Arrays.equals(blob, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new MalformedBlobException("bad magic");
        }
        if (blob[MAGIC.length] != FORMAT_VERSION) {
            throw new MalformedBlobException("unsupported format version " + Byte.toUnsignedInt(blob[MAGIC.length]));
        }
        return ByteBuffer.wrap(blob, MAGIC.length + 1, blob.length - MAGIC.length - 1).slice();
    }

    private static KeyRef readKeyRef(ByteBuffer in) {
        try {
            int keyIdLength = Byte.toUnsignedInt(in.get());
            if (keyIdLength < 1 || keyIdLength > MAX_KEY_ID_BYTES || keyIdLength > in.remaining()) {
                throw new MalformedBlobException("key id length " + keyIdLength + " out of range");
            }
            byte[] keyId = new byte[keyIdLength];
            in.get(keyId);
            return new KeyRef(new String(keyId, StandardCharsets.US_ASCII), in.getInt());
        } catch (BufferUnderflowException e) {
            throw new MalformedBlobException("truncated header");
        } catch (IllegalArgumentException e) {
            throw new MalformedBlobException("invalid key id or version");
        }
    }
}
