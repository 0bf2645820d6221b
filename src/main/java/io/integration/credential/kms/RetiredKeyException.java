package io.integration.credential.kms;

/** A key-encryption key that was retired and must no longer unwrap or wrap anything. */
public final class RetiredKeyException extends CredentialCryptoException {

    private final KeyRef keyRef;

    public RetiredKeyException(KeyRef keyRef) {
        super("key-encryption key " + keyRef + " is retired");
        this.keyRef = keyRef;
    }

    public KeyRef keyRef() {
        return keyRef;
    }
}
