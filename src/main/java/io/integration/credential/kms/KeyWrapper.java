package io.integration.credential.kms;

import java.security.GeneralSecurityException;
import java.util.Set;

/**
 * Backend of a key provider: AES-256-GCM wrapping of data keys under key-encryption keys it holds.
 *
 * <p>Wrapped form, the same for every backend: {@code nonce (12) | encrypted data key (32) | GCM tag (16)}, with a
 * fresh random nonce per wrap and the caller's associated data bound. GCM rather than RFC 5649 key wrap because it
 * binds the encryption context to the wrapped key itself, not only to the data ciphertext.
 */
public interface KeyWrapper extends AutoCloseable {

    int DATA_KEY_BYTES = 32;
    int NONCE_BYTES = 12;
    int TAG_BITS = 128;
    int WRAPPED_BYTES = NONCE_BYTES + DATA_KEY_BYTES + TAG_BITS / 8;

    /** Key versions the backend holds right now. */
    Set<KeyRef> keys();

    /** Whether the backend holds this key version. */
    boolean holds(KeyRef keyRef);

    /** Encrypts a data key under a held key version, binding {@code aad}. */
    byte[] wrap(KeyRef keyRef, byte[] dataKey, byte[] aad) throws GeneralSecurityException;

    /** Decrypts a wrapped data key; throws when it does not authenticate under {@code aad}. */
    byte[] unwrap(KeyRef keyRef, byte[] wrapped, byte[] aad) throws GeneralSecurityException;

    @Override
    default void close() {
    }
}
