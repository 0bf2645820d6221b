package io.integration.credential;

import io.integration.credential.kms.KeyProvider;
import io.integration.credential.kms.KeyProviderException;
import io.integration.credential.kms.KeyRef;
import io.integration.credential.kms.local.LocalKeyLoader;
import io.integration.credential.kms.local.LocalKeyProvider;
import io.integration.credential.kms.pkcs11.Pkcs11KeyProvider;
import io.integration.credential.kms.pkcs11.Pkcs11KeyWrapper;
import io.integration.credential.kms.pkcs11.Pkcs11Settings;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Turns {@link KmsConfig} into the configured {@link KeyProvider}; plain Java so it is testable without CDI. */
public final class KeyProviderFactory {

    private final LocalKeyLoader localKeyLoader;
    private final SecureRandom random;

    public KeyProviderFactory(LocalKeyLoader localKeyLoader, SecureRandom random) {
        this.localKeyLoader = localKeyLoader;
        this.random = random;
    }

    public KeyProvider create(KmsConfig config) {
        Set<KeyRef> retired = config.retiredKeys().orElse(List.of()).stream()
                .map(text -> parseRef("integration.kms.retired-keys", text))
                .collect(Collectors.toSet());
        return switch (config.provider()) {
            case LOCAL -> createLocal(config.local(), retired);
            case PKCS11 -> createPkcs11(config.pkcs11(), retired);
        };
    }

    private KeyProvider createLocal(KmsConfig.Local local, Set<KeyRef> retired) {
        Map<KeyRef, byte[]> keys = new TreeMap<>(localKeyLoader.fromConfig(local.keys()));
        local.keyDirectory().ifPresent(directory -> localKeyLoader.fromDirectory(directory).forEach((ref, key) -> {
            if (keys.putIfAbsent(ref, key) != null) {
                throw new KeyProviderException("key " + ref + " is defined both in configuration and in " + directory);
            }
        }));
        KeyRef active = parseRef("integration.kms.local.active-key", local.activeKey().orElseThrow(
                () -> new KeyProviderException("integration.kms.local.active-key is not set")));
        try {
            return LocalKeyProvider.create(keys, active, retired, random);
        } finally {
            keys.values().forEach(key -> Arrays.fill(key, (byte) 0));
        }
    }

    private KeyProvider createPkcs11(KmsConfig.Pkcs11 pkcs11, Set<KeyRef> retired) {
        KeyRef active = parseRef("integration.kms.pkcs11.active-key", pkcs11.activeKey().orElseThrow(
                () -> new KeyProviderException("integration.kms.pkcs11.active-key is not set")));
        char[] pin = pkcs11.pin().orElseThrow(
                () -> new KeyProviderException("integration.kms.pkcs11.pin is not set")).toCharArray();
        Pkcs11KeyWrapper wrapper = new Pkcs11KeyWrapper(
                new Pkcs11Settings(pkcs11.library(), pkcs11.slot(), pkcs11.slotListIndex(), pin), random);
        Arrays.fill(pin, '\0');
        if (pkcs11.generateMissingActiveKey() && !wrapper.holds(active)) {
            wrapper.generateKey(active);
        }
        return Pkcs11KeyProvider.create(wrapper, active, retired, random);
    }

    private static KeyRef parseRef(String property, String text) {
        try {
            return KeyRef.parse(text);
        } catch (IllegalArgumentException e) {
            throw new KeyProviderException(property + " must look like <id>:<version>, got '" + text + "'");
        }
    }
}
