package io.integration.credential.kms;

/** Base of every failure of the credential vault; messages carry ids and contexts, never key material or plaintext. */
public abstract class CredentialCryptoException extends RuntimeException {

    protected CredentialCryptoException(String message) {
        super(message);
    }

    protected CredentialCryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
