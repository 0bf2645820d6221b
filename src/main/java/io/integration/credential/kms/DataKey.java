package io.integration.credential.kms;

import java.util.Arrays;
import java.util.Objects;

/** A fresh plaintext data key together with its wrapped form; close it to wipe the plaintext copy. */
public final class DataKey implements AutoCloseable {

    private final byte[] plaintext;
    private final WrappedKey wrapped;

    public DataKey(byte[] plaintext, WrappedKey wrapped) {
        this.plaintext = Objects.requireNonNull(plaintext, "plaintext").clone();
        this.wrapped = Objects.requireNonNull(wrapped, "wrapped");
    }

    /** A copy of the plaintext key; the caller wipes it when done. */
    public byte[] plaintext() {
        return plaintext.clone();
    }

    public WrappedKey wrapped() {
        return wrapped;
    }

    @Override
    public void close() {
        Arrays.fill(plaintext, (byte) 0);
    }

    @Override
    public String toString() {
        return "DataKey[plaintext=<redacted>, wrapped=" + wrapped + "]";
    }
}
