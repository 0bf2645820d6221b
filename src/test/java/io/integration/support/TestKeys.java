package io.integration.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The test issuer's RSA key pair, kept in a file so the test resource (which publishes the JWKS) and the tests
 * (which sign tokens) share it whatever class loader each runs in.
 */
public final class TestKeys {

    static final Path DIR = Path.of("target", "test-oidc");
    public static final String KEY_ID = "test-signing-key";

    private TestKeys() {
    }

    static synchronized void createIfMissing() {
        try {
            if (Files.exists(DIR.resolve("private.der"))) {
                return;
            }
            Files.createDirectories(DIR);
            KeyPair pair = newPair();
            Files.write(DIR.resolve("public.der"), pair.getPublic().getEncoded());
            Files.write(DIR.resolve("private.der"), pair.getPrivate().getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PrivateKey privateKey() {
        try {
            byte[] der = Files.readAllBytes(DIR.resolve("private.der"));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("test issuer key unreadable", e);
        }
    }

    public static RSAPublicKey publicKey() {
        try {
            byte[] der = Files.readAllBytes(DIR.resolve("public.der"));
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("test issuer key unreadable", e);
        }
    }

    /** A fresh key pair that the issuer never published: tokens signed with it must be rejected. */
    public static KeyPair newPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String base64Url(byte[] value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
