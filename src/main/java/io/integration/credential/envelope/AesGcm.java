package io.integration.credential.envelope;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** AES-GCM with a 128-bit tag through the JDK's own provider; the data layer of the envelope. */
public final class AesGcm {

    public static final int NONCE_BYTES = 12;
    public static final int TAG_BYTES = 16;

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    /** Returns ciphertext || tag. The caller guarantees a nonce is never reused with the same key. */
    public byte[] encrypt(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) throws GeneralSecurityException {
        return cipher(Cipher.ENCRYPT_MODE, key, nonce, aad).doFinal(plaintext);
    }

    /** Decrypts ciphertext || tag; throws {@link javax.crypto.AEADBadTagException} when it does not authenticate. */
    public byte[] decrypt(byte[] key, byte[] nonce, byte[] aad, byte[] ciphertext) throws GeneralSecurityException {
        return cipher(Cipher.DECRYPT_MODE, key, nonce, aad).doFinal(ciphertext);
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, byte[] aad) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, nonce));
        if (aad.length > 0) {
            cipher.updateAAD(aad);
        }
        return cipher;
    }
}
