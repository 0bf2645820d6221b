package io.integration.credential.kms;

import java.util.Arrays;
import java.util.Objects;

/** A data key encrypted under one key-encryption key version; safe to store, still never printed. */
public final class WrappedKey {

    private final KeyRef keyRef;
    private final byte[] bytes;

    public WrappedKey(KeyRef keyRef, byte[] bytes) {
        this.keyRef = Objects.requireNonNull(keyRef, "keyRef");
        this.bytes = Objects.requireNonNull(bytes, "bytes").clone();
    }

    public KeyRef keyRef() {
        return keyRef;
    }

    public String keyId() {
        return keyRef.keyId();
    }

    public int keyVersion() {
        return keyRef.version();
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WrappedKey other && keyRef.equals(other.keyRef) && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * keyRef.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "WrappedKey[" + keyRef + ", " + bytes.length + " bytes]";
    }
}
