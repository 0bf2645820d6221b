package io.integration.credential.envelope;

import io.integration.credential.kms.EncryptionContext;
import io.integration.credential.kms.KeyRef;
import java.util.Objects;

/** A sealed value ready to store: the blob plus what goes into the {@code kms_key_id} and context columns. */
public final class SealedSecret {

    private final byte[] blob;
    private final KeyRef keyRef;
    private final EncryptionContext context;

    public SealedSecret(byte[] blob, KeyRef keyRef, EncryptionContext context) {
        this.blob = Objects.requireNonNull(blob, "blob").clone();
        this.keyRef = Objects.requireNonNull(keyRef, "keyRef");
        this.context = Objects.requireNonNull(context, "context");
    }

    public byte[] blob() {
        return blob.clone();
    }

    public KeyRef keyRef() {
        return keyRef;
    }

    public EncryptionContext context() {
        return context;
    }

    /** The {@code encryption_context} column value. */
    public String encryptionContextJson() {
        return context.toJson();
    }

    @Override
    public String toString() {
        return "SealedSecret[" + keyRef + ", " + context + ", " + blob.length + " bytes]";
    }
}
