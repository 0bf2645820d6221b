package io.integration.credential.kms;

/** A wrapped data key or a ciphertext that does not authenticate under the given encryption context. */
public final class DecryptionFailedException extends CredentialCryptoException {

    private final EncryptionContext context;

    public DecryptionFailedException(String what, EncryptionContext context) {
        // The cause is deliberately dropped: provider exceptions may echo buffers or handles.
        super(what + " does not authenticate under context " + context);
        this.context = context;
    }

    public EncryptionContext context() {
        return context;
    }
}
