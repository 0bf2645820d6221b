package io.integration.credential.kms.local;

import java.security.SecureRandom;

/** A "random" source that returns one fixed byte string, so a known-answer test can choose the GCM nonce. */
final class FixedNonceRandom extends SecureRandom {

    private final byte[] nonce;

    FixedNonceRandom(byte[] nonce) {
        this.nonce = nonce.clone();
    }

    @Override
    public void nextBytes(byte[] bytes) {
        if (bytes.length != nonce.length) {
            throw new IllegalStateException("expected a request for " + nonce.length + " bytes");
        }
        System.arraycopy(nonce, 0, bytes, 0, bytes.length);
    }
}
