package io.integration.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/** The RSA key of the local token issuer, created once in the data folder and reused across restarts. */
public final class LocalIssuer {

    private LocalIssuer() {
    }

    /** Loads or creates the PKCS#8 PEM key at {@code keyFile}; returns the public key as base64 X.509. */
    public static String ensureSigningKey(Path keyFile) throws IOException, GeneralSecurityException {
        if (!Files.exists(keyFile)) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(keyFile.getParent());
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            Files.writeString(keyFile, pem);
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        }
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) readPrivateKey(keyFile);
        KeyFactory factory = KeyFactory.getInstance("RSA");
        var publicKey = factory.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    public static PrivateKey readPrivateKey(Path keyFile) throws IOException, GeneralSecurityException {
        String pem = Files.readString(keyFile)
                .replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }
}
