package io.integration.credential.envelope;

import io.integration.credential.kms.DataKey;
import io.integration.credential.kms.DecryptionFailedException;
import io.integration.credential.kms.EncryptionContext;
import io.integration.credential.kms.KeyProvider;
import io.integration.credential.kms.KeyProviderException;
import io.integration.credential.kms.KeyRef;
import io.integration.credential.kms.WrappedKey;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * Envelope encryption of secret values: a fresh data key per value, AES-256-GCM with a random 96-bit nonce, the
 * encryption context bound as associated data, the data key wrapped by the {@link KeyProvider}.
 *
 * <p>The data AAD is the blob's format prefix followed by the context's canonical bytes. The key id and version are
 * deliberately not part of it, so that {@link #rewrap} can change them without touching the ciphertext body; they
 * are bound to the wrapped key instead.
 */
public final class EnvelopeEncryptor {

    private final KeyProvider keyProvider;
    private final SecureRandom random;
    private final AesGcm aesGcm = new AesGcm();

    public EnvelopeEncryptor(KeyProvider keyProvider, SecureRandom random) {
        this.keyProvider = Objects.requireNonNull(keyProvider, "keyProvider");
        this.random = Objects.requireNonNull(random, "random");
    }

    public EnvelopeEncryptor(KeyProvider keyProvider) {
        this(keyProvider, new SecureRandom());
    }

    /** Encrypts one value for one place (tenant, table, column, row). */
    public SealedSecret seal(byte[] plaintext, EncryptionContext context) {
        Objects.requireNonNull(plaintext, "plaintext");
        if (plaintext.length > EnvelopeBlob.MAX_PLAINTEXT_BYTES) {
            throw new IllegalArgumentException("secret of " + plaintext.length + " bytes exceeds "
                    + EnvelopeBlob.MAX_PLAINTEXT_BYTES + " bytes");
        }
        byte[] nonce = new byte[AesGcm.NONCE_BYTES];
        random.nextBytes(nonce);
        try (DataKey dataKey = keyProvider.generateDataKey(context)) {
            byte[] key = dataKey.plaintext();
            try {
                byte[] ciphertext = aesGcm.encrypt(key, nonce, dataAad(context), plaintext);
                EnvelopeBlob blob = new EnvelopeBlob(dataKey.wrapped(), nonce, ciphertext);
                return new SealedSecret(blob.toBytes(), blob.keyRef(), context);
            } catch (GeneralSecurityException e) {
                throw new KeyProviderException("AES-GCM is not usable in this runtime", e);
            } finally {
                Arrays.fill(key, (byte) 0);
            }
        }
    }

    /** Decrypts a blob sealed for exactly this context; the caller wipes the returned plaintext when done. */
    public byte[] open(byte[] blob, EncryptionContext context) {
        EnvelopeBlob parsed = EnvelopeBlob.parse(blob);
        byte[] key = keyProvider.unwrap(parsed.wrappedKey(), context);
        try {
            return aesGcm.decrypt(key, parsed.nonce(), dataAad(context), parsed.ciphertext());
        } catch (GeneralSecurityException e) {
            throw new DecryptionFailedException("ciphertext", context);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Re-wraps the data key under the active key version; the nonce and ciphertext body are kept byte for byte. */
    public byte[] rewrap(byte[] blob, EncryptionContext context) {
        EnvelopeBlob parsed = EnvelopeBlob.parse(blob);
        WrappedKey rewrapped = keyProvider.rewrap(parsed.wrappedKey(), context);
        return parsed.withWrappedKey(rewrapped).toBytes();
    }

    /** Which key version wrapped the blob's data key, read from the header without decrypting. */
    public KeyRef keyRefOf(byte[] blob) {
        return EnvelopeBlob.keyRefOf(blob);
    }

    /** Whether a blob still needs {@link #rewrap} to reach the active key version. */
    public boolean needsRewrap(byte[] blob) {
        return !EnvelopeBlob.keyRefOf(blob).equals(keyProvider.activeKey());
    }

    @Override
    public String toString() {
        return "EnvelopeEncryptor[" + keyProvider + "]";
    }

    private static byte[] dataAad(EncryptionContext context) {
        byte[] prefix = EnvelopeBlob.formatPrefix();
        byte[] contextBytes = context.canonicalBytes();
        return ByteBuffer.allocate(prefix.length + contextBytes.length).put(prefix).put(contextBytes).array();
    }
}
