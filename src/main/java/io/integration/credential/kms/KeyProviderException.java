package io.integration.credential.kms;

/** A key provider that is misconfigured or whose backend (file, HSM) fails. */
public final class KeyProviderException extends CredentialCryptoException {

    public KeyProviderException(String message) {
        super(message);
    }

    public KeyProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
