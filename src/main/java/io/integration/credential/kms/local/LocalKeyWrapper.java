package io.integration.credential.kms.local;

import io.integration.credential.kms.KeyRef;
import io.integration.credential.kms.KeyWrapper;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.AEADBadTagException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/** Wraps data keys with BouncyCastle AES-256-GCM under key-encryption keys held in process memory. */
public final class LocalKeyWrapper implements KeyWrapper {

    private final Map<KeyRef, byte[]> keys;
    private final SecureRandom random;

    public LocalKeyWrapper(Map<KeyRef, byte[]> keys, SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
        Map<KeyRef, byte[]> copy = new TreeMap<>();
        keys.forEach((ref, key) -> {
            if (key == null || key.length != DATA_KEY_BYTES) {
                throw new IllegalArgumentException("key-encryption key " + ref + " must be 256 bits");
            }
            copy.put(ref, key.clone());
        });
        this.keys = copy;
    }

    @Override
    public Set<KeyRef> keys() {
        return keys.keySet();
    }

    @Override
    public boolean holds(KeyRef keyRef) {
        return keys.containsKey(keyRef);
    }

    @Override
    public byte[] wrap(KeyRef keyRef, byte[] dataKey, byte[] aad) throws GeneralSecurityException {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = gcm(true, keyRef, nonce, aad, dataKey, 0, dataKey.length);
        byte[] wrapped = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
        System.arraycopy(sealed, 0, wrapped, NONCE_BYTES, sealed.length);
        return wrapped;
    }

    @Override
    public byte[] unwrap(KeyRef keyRef, byte[] wrapped, byte[] aad) throws GeneralSecurityException {
        byte[] nonce = Arrays.copyOf(wrapped, NONCE_BYTES);
        return gcm(false, keyRef, nonce, aad, wrapped, NONCE_BYTES, wrapped.length - NONCE_BYTES);
    }

    /** Wipes the key material; the wrapper is unusable afterwards. */
    @Override
    public void close() {
        keys.values().forEach(key -> Arrays.fill(key, (byte) 0));
    }

    @Override
    public String toString() {
        return "LocalKeyWrapper[keys=" + keys.keySet() + "]";
    }

    private byte[] gcm(boolean encrypt, KeyRef keyRef, byte[] nonce, byte[] aad, byte[] in, int offset, int length)
            throws GeneralSecurityException {
        byte[] key = keys.get(keyRef);
        if (key == null) {
            throw new GeneralSecurityException("no key-encryption key " + keyRef);
        }
        GCMModeCipher cipher = GCMBlockCipher.newInstance(AESEngine.newInstance());
        cipher.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, aad));
        byte[] out = new byte[cipher.getOutputSize(length)];
        int written = cipher.processBytes(in, offset, length, out, 0);
        try {
            written += cipher.doFinal(out, written);
        } catch (InvalidCipherTextException e) {
            Arrays.fill(out, (byte) 0); // BC has already written unauthenticated plaintext here
            throw new AEADBadTagException("wrapped data key failed authentication");
        }
        return written == out.length ? out : Arrays.copyOf(out, written);
    }
}
