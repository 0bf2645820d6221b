package io.integration.credential.envelope;

import io.integration.credential.kms.CredentialCryptoException;

/** Bytes that are not a well-formed envelope blob (bad magic, unknown format version, inconsistent lengths). */
public final class MalformedBlobException extends CredentialCryptoException {

    public MalformedBlobException(String reason) {
        super("malformed envelope blob: " + reason);
    }
}
