package io.integration.credential.kms;

import java.util.Set;

/**
 * KMS-style key-management SPI: issues data keys wrapped by a key-encryption key that never leaves the provider.
 *
 * <p>Every call that touches a wrapped key binds the {@link EncryptionContext}: a wrapped key only unwraps under the
 * context it was produced for. Unknown key versions raise {@link UnknownKeyException}, retired ones
 * {@link RetiredKeyException}, a wrong context or corrupt bytes {@link DecryptionFailedException}.
 */
public interface KeyProvider extends AutoCloseable {

    /** Short provider name for health output and logs ({@code local}, {@code pkcs11}). */
    String name();

    /** A fresh 256-bit data key and its wrapping under the active key-encryption key. */
    DataKey generateDataKey(EncryptionContext context);

    /** The plaintext data key; the caller wipes the returned array when done. */
    byte[] unwrap(WrappedKey wrappedKey, EncryptionContext context);

    /** Unwraps under the key version that wrapped it and wraps again under the active version. */
    WrappedKey rewrap(WrappedKey wrappedKey, EncryptionContext context);

    /** The key version new data keys are wrapped with. */
    KeyRef activeKey();

    /** Every key version the provider holds, retired ones included. */
    Set<KeyRef> knownKeys();

    /** Key versions that were retired and no longer wrap or unwrap. */
    Set<KeyRef> retiredKeys();

    /** Makes a known, non-retired key version the one new data keys are wrapped with. */
    void activate(KeyRef keyRef);

    /** Refuses all further use of a key version; the active version cannot be retired. */
    void retire(KeyRef keyRef);

    /** Wraps and unwraps a probe data key under the active key version. */
    HealthStatus checkHealth();

    /** Releases backend resources; the default holds none. */
    @Override
    default void close() {
    }
}
