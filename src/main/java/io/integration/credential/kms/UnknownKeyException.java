package io.integration.credential.kms;

/** A key id and version that the key provider does not hold. */
public final class UnknownKeyException extends CredentialCryptoException {

    private final KeyRef keyRef;

    public UnknownKeyException(KeyRef keyRef) {
        super("unknown key-encryption key " + keyRef);
        this.keyRef = keyRef;
    }

    public KeyRef keyRef() {
        return keyRef;
    }
}
