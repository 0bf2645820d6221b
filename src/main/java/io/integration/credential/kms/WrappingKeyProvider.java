package io.integration.credential.kms;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/** The {@link KeyProvider} rules (active key, retirement, context binding) on top of any {@link KeyWrapper}. */
public final class WrappingKeyProvider implements KeyProvider {

    private static final EncryptionContext PROBE_CONTEXT =
            new EncryptionContext(new UUID(0, 0), "health_probe", "data_key", new UUID(0, 0));

    private final String name;
    private final KeyWrapper wrapper;
    private final SecureRandom random;
    private final AtomicReference<KeyRef> active;
    private final Set<KeyRef> retired = ConcurrentHashMap.newKeySet();
    private final Object lifecycleLock = new Object();

    public WrappingKeyProvider(String name, KeyWrapper wrapper, KeyRef activeKey, Set<KeyRef> retiredKeys,
            SecureRandom random) {
        this.name = Objects.requireNonNull(name, "name");
        this.wrapper = Objects.requireNonNull(wrapper, "wrapper");
        this.random = Objects.requireNonNull(random, "random");
        Objects.requireNonNull(activeKey, "activeKey");
        if (!wrapper.holds(activeKey)) {
            throw new UnknownKeyException(activeKey);
        }
        if (retiredKeys.contains(activeKey)) {
            throw new KeyProviderException("the active key " + activeKey + " is also listed as retired");
        }
        this.active = new AtomicReference<>(activeKey);
        this.retired.addAll(retiredKeys);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DataKey generateDataKey(EncryptionContext context) {
        KeyRef keyRef = active.get();
        byte[] plaintext = new byte[KeyWrapper.DATA_KEY_BYTES];
        random.nextBytes(plaintext);
        try {
            return new DataKey(plaintext, wrapUnder(keyRef, plaintext, context));
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    @Override
    public byte[] unwrap(WrappedKey wrappedKey, EncryptionContext context) {
        KeyRef keyRef = wrappedKey.keyRef();
        requireUsable(keyRef);
        byte[] wrapped = wrappedKey.bytes();
        if (wrapped.length != KeyWrapper.WRAPPED_BYTES) {
            throw new DecryptionFailedException("wrapped data key of " + wrapped.length + " bytes", context);
        }
        try {
            return wrapper.unwrap(keyRef, wrapped, wrapAad(keyRef, context));
        } catch (GeneralSecurityException e) {
            throw new DecryptionFailedException("wrapped data key under " + keyRef, context);
        }
    }

    @Override
    public WrappedKey rewrap(WrappedKey wrappedKey, EncryptionContext context) {
        byte[] plaintext = unwrap(wrappedKey, context);
        try {
            return wrapUnder(active.get(), plaintext, context);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    @Override
    public KeyRef activeKey() {
        return active.get();
    }

    @Override
    public Set<KeyRef> knownKeys() {
        return Collections.unmodifiableSet(new TreeSet<>(wrapper.keys()));
    }

    @Override
    public Set<KeyRef> retiredKeys() {
        return Collections.unmodifiableSet(new TreeSet<>(retired));
    }

    @Override
    public void activate(KeyRef keyRef) {
        synchronized (lifecycleLock) {
            requireUsable(keyRef);
            active.set(keyRef);
        }
    }

    @Override
    public void retire(KeyRef keyRef) {
        if (!wrapper.holds(keyRef)) {
            throw new UnknownKeyException(keyRef);
        }
        // Shares the lock with activate so a key can never end up both active and retired.
        synchronized (lifecycleLock) {
            if (keyRef.equals(active.get())) {
                throw new KeyProviderException("the active key " + keyRef + " cannot be retired; activate another first");
            }
            retired.add(keyRef);
        }
    }

    @Override
    public HealthStatus checkHealth() {
        KeyRef keyRef = active.get();
        try (DataKey probe = generateDataKey(PROBE_CONTEXT)) {
            byte[] expected = probe.plaintext();
            byte[] unwrapped = unwrap(probe.wrapped(), PROBE_CONTEXT);
            boolean same = Arrays.equals(expected, unwrapped);
            Arrays.fill(expected, (byte) 0);
            Arrays.fill(unwrapped, (byte) 0);
            return same ? HealthStatus.up(name, keyRef)
                    : HealthStatus.down(name, keyRef, "probe data key did not survive wrap/unwrap");
        } catch (RuntimeException e) {
            return HealthStatus.down(name, keyRef, "probe failed: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        wrapper.close();
    }

    @Override
    public String toString() {
        return "KeyProvider[" + name + ", active=" + active.get() + ", retired=" + retiredKeys() + "]";
    }

    private WrappedKey wrapUnder(KeyRef keyRef, byte[] plaintext, EncryptionContext context) {
        requireUsable(keyRef);
        try {
            return new WrappedKey(keyRef, wrapper.wrap(keyRef, plaintext, wrapAad(keyRef, context)));
        } catch (GeneralSecurityException e) {
            throw new KeyProviderException(name + " provider could not wrap a data key under " + keyRef, e);
        }
    }

    private void requireUsable(KeyRef keyRef) {
        if (retired.contains(keyRef)) {
            throw new RetiredKeyException(keyRef);
        }
        if (!wrapper.holds(keyRef)) {
            throw new UnknownKeyException(keyRef);
        }
    }

    /** The context plus the key ref, so a wrapped key relabelled with another id or version fails too. */
    private static byte[] wrapAad(KeyRef keyRef, EncryptionContext context) {
        byte[] contextBytes = context.canonicalBytes();
        byte[] keyId = keyRef.keyId().getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(contextBytes.length + 1 + keyId.length + 4)
                .put(contextBytes)
                .put((byte) keyId.length)
                .put(keyId)
                .putInt(keyRef.version())
                .array();
    }
}
