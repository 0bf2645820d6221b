package io.integration.credential.kms.pkcs11;

import io.integration.credential.kms.KeyProviderException;
import io.integration.credential.kms.KeyRef;
import io.integration.credential.kms.KeyWrapper;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Wraps data keys with AES-256-GCM inside a PKCS#11 token through the JDK's SunPKCS11 provider.
 *
 * <p>Key-encryption keys are token objects labelled {@code <id>.v<version>}, sensitive and not extractable: the
 * JVM only ever holds handles. The provider instance is configured at runtime and never registered globally.
 */
public final class Pkcs11KeyWrapper implements KeyWrapper {

    private static final String GCM = "AES/GCM/NoPadding";

    private final Provider provider;
    private final KeyStore token;
    private final SecureRandom random;
    private final Map<KeyRef, Key> handles = new ConcurrentHashMap<>();

    public Pkcs11KeyWrapper(Pkcs11Settings settings, SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
        this.provider = configureProvider(settings);
        this.token = login(provider, settings);
    }

    @Override
    public Set<KeyRef> keys() {
        Set<KeyRef> refs = new TreeSet<>();
        try {
            for (String alias : Collections.list(token.aliases())) {
                KeyRef ref = KeyRef.fromLabel(alias);
                if (ref != null && token.isKeyEntry(alias)) {
                    refs.add(ref);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new KeyProviderException("cannot list keys of the PKCS#11 token", e);
        }
        return refs;
    }

    @Override
    public boolean holds(KeyRef keyRef) {
        return handles.containsKey(keyRef) || lookUp(keyRef) != null;
    }

    @Override
    public byte[] wrap(KeyRef keyRef, byte[] dataKey, byte[] aad) throws GeneralSecurityException {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance(GCM, provider);
        cipher.init(Cipher.ENCRYPT_MODE, handle(keyRef), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(aad);
        byte[] sealed = cipher.doFinal(dataKey);
        byte[] wrapped = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
        System.arraycopy(sealed, 0, wrapped, NONCE_BYTES, sealed.length);
        return wrapped;
    }

    @Override
    public byte[] unwrap(KeyRef keyRef, byte[] wrapped, byte[] aad) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(GCM, provider);
        cipher.init(Cipher.DECRYPT_MODE, handle(keyRef), new GCMParameterSpec(TAG_BITS, wrapped, 0, NONCE_BYTES));
        cipher.updateAAD(aad);
        return cipher.doFinal(wrapped, NONCE_BYTES, wrapped.length - NONCE_BYTES);
    }

    /**
     * Generates a new AES-256 key-encryption key inside the token (sensitive, not extractable) under the label of
     * {@code keyRef}; for operators and tests. Refuses to overwrite an existing label.
     */
    public void generateKey(KeyRef keyRef) {
        try {
            if (token.containsAlias(keyRef.label())) {
                throw new KeyProviderException("the PKCS#11 token already holds a key labelled " + keyRef.label());
            }
            KeyGenerator generator = KeyGenerator.getInstance("AES", provider);
            generator.init(256, random);
            SecretKey sessionKey = generator.generateKey();
            // Storing copies the session object into a token object with CKA_LABEL = alias; the generate
            // template of the provider configuration already made it sensitive and non-extractable.
            token.setEntry(keyRef.label(), new KeyStore.SecretKeyEntry(sessionKey), null);
        } catch (GeneralSecurityException e) {
            throw new KeyProviderException("cannot generate key " + keyRef + " in the PKCS#11 token", e);
        }
    }

    /**
     * Does not log out: PKCS#11 login state is shared by every session of the process on that token, so a
     * logout here would break other users of the same token; the token session ends with the process.
     */
    @Override
    public void close() {
        handles.clear();
    }

    @Override
    public String toString() {
        return "Pkcs11KeyWrapper[" + provider.getName() + "]";
    }

    private Key handle(KeyRef keyRef) throws GeneralSecurityException {
        Key key = handles.containsKey(keyRef) ? handles.get(keyRef) : lookUp(keyRef);
        if (key == null) {
            throw new GeneralSecurityException("no key labelled " + keyRef.label() + " in the token");
        }
        return key;
    }

    private Key lookUp(KeyRef keyRef) {
        try {
            Key key = token.getKey(keyRef.label(), null);
            if (key instanceof SecretKey) {
                handles.put(keyRef, key);
                return key;
            }
            return null;
        } catch (GeneralSecurityException e) {
            throw new KeyProviderException("cannot look up key " + keyRef + " in the PKCS#11 token", e);
        }
    }

    private static Provider configureProvider(Pkcs11Settings settings) {
        String library = settings.library().toAbsolutePath().toString();
        if (!Files.isRegularFile(settings.library()) || library.contains("\n") || library.contains("\"")) {
            throw new KeyProviderException("PKCS#11 library not found: " + library);
        }
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new KeyProviderException("the JDK's SunPKCS11 provider is not available in this runtime");
        }
        String slot = settings.slotId().isPresent()
                ? "slot = " + settings.slotId().getAsLong()
                : "slotListIndex = " + settings.slotListIndex();
        String config = String.join("\n",
                "--name = credential-vault",
                "library = \"" + library + "\"",
                slot,
                "attributes(generate, CKO_SECRET_KEY, CKK_AES) = {",
                "  CKA_SENSITIVE = true",
                "  CKA_EXTRACTABLE = false",
                "}",
                "");
        try {
            return base.configure(config);
        } catch (RuntimeException e) {
            throw new KeyProviderException("cannot open PKCS#11 " + settings, e);
        }
    }

    private static KeyStore login(Provider provider, Pkcs11Settings settings) {
        char[] pin = settings.pin();
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS11", provider);
            keyStore.load(null, pin);
            return keyStore;
        } catch (Exception e) {
            // The cause is kept for the PKCS#11 return code; it never contains the PIN.
            throw new KeyProviderException("cannot log in to PKCS#11 " + settings, e);
        } finally {
            Arrays.fill(pin, '\0');
        }
    }
}
