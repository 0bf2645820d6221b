package io.integration.credential.bench;

import io.integration.credential.envelope.EnvelopeEncryptor;
import io.integration.credential.kms.EncryptionContext;
import io.integration.credential.kms.KeyProvider;
import io.integration.credential.kms.KeyRef;
import io.integration.credential.kms.local.LocalKeyProvider;
import io.integration.credential.kms.pkcs11.Pkcs11KeyProvider;
import io.integration.credential.kms.pkcs11.Pkcs11KeyWrapper;
import io.integration.credential.kms.pkcs11.SoftHsmToken;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Seal + open of one secret per operation, per provider, next to raw JCE AES-256-GCM (encrypt + decrypt with a
 * fixed key and a fresh nonce, no data key and no wrapping) on the same bytes as the baseline.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CredentialVaultBenchmark {

    /** {@code raw-jce} is the baseline; the others go through the envelope with that key provider. */
    @Param({"raw-jce", "local", "pkcs11"})
    public String provider;

    /** 40 bytes: an API token; 2048 bytes: a service-account style secret. */
    @Param({"40", "2048"})
    public int size;

    private final SecureRandom random = new SecureRandom();
    private final EncryptionContext context =
            EncryptionContext.of(UUID.randomUUID(), "venue_api_keys", "api_secret", UUID.randomUUID());
    private byte[] plaintext;
    private byte[] rawKey;
    private KeyProvider keyProvider;
    private EnvelopeEncryptor encryptor;

    @Setup(Level.Trial)
    public void setUp() {
        plaintext = new byte[size];
        random.nextBytes(plaintext);
        rawKey = new byte[32];
        random.nextBytes(rawKey);
        KeyRef kek = new KeyRef("bench", 1);
        switch (provider) {
            case "raw-jce" -> keyProvider = null;
            case "local" -> keyProvider = LocalKeyProvider.create(Map.of(kek, rawKey.clone()), kek, Set.of(), random);
            case "pkcs11" -> {
                Pkcs11KeyWrapper wrapper = new Pkcs11KeyWrapper(SoftHsmToken.shared().settings(), random);
                if (!wrapper.holds(kek)) {
                    wrapper.generateKey(kek);
                }
                keyProvider = Pkcs11KeyProvider.create(wrapper, kek, Set.of(), random);
            }
            default -> throw new IllegalArgumentException("unknown provider " + provider);
        }
        encryptor = keyProvider == null ? null : new EnvelopeEncryptor(keyProvider, random);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (keyProvider != null) {
            keyProvider.close();
        }
    }

    @Benchmark
    public byte[] sealAndOpen() throws Exception {
        if (encryptor == null) {
            return rawJceRoundTrip();
        }
        return encryptor.open(encryptor.seal(plaintext, context).blob(), context);
    }

    private byte[] rawJceRoundTrip() throws Exception {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        SecretKeySpec key = new SecretKeySpec(rawKey, "AES");
        Cipher encrypt = Cipher.getInstance("AES/GCM/NoPadding");
        encrypt.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        byte[] sealed = encrypt.doFinal(plaintext);
        Cipher decrypt = Cipher.getInstance("AES/GCM/NoPadding");
        decrypt.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        return decrypt.doFinal(sealed);
    }
}
