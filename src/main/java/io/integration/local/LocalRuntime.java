package io.integration.local;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.jboss.logging.Logger;

/**
 * Prepares the local run before Quarkus starts: when no database is configured it starts the embedded PostgreSQL
 * (data kept under the data folder), and when no OIDC issuer is configured it sets up a local issuer whose tokens
 * the development endpoint signs. With {@code quarkus.datasource.*} / {@code quarkus.oidc.*} in the environment it
 * does nothing and the service uses those.
 */
public final class LocalRuntime {

    private static final Logger LOG = Logger.getLogger(LocalRuntime.class);

    private LocalRuntime() {
    }

    public static void prepareIfUnconfigured() throws Exception {
        Path dataDir = Path.of(setting("integration.local.data-dir", "INTEGRATION_LOCAL_DATA_DIR", ".data"));
        boolean embeddedDatabase = !configured("quarkus.datasource.reactive.url", "QUARKUS_DATASOURCE_REACTIVE_URL");
        if (embeddedDatabase) {
            if (inNativeImage()) {
                // The PostgreSQL binaries are not part of the native executable (ADR 0012).
                throw new IllegalStateException("no database configured: the native executable has no embedded"
                        + " PostgreSQL; set QUARKUS_DATASOURCE_REACTIVE_URL and the other datasource settings"
                        + " (docs/CONFIGURATION.md), or run the JVM build for a local run");
            }
            startEmbeddedDatabase(dataDir);
            if (!configured("quarkus.log.console.json.enabled", "QUARKUS_LOG_CONSOLE_JSON_ENABLED")) {
                // A person runs this on a laptop: plain log lines rather than production's JSON.
                System.setProperty("quarkus.log.console.json.enabled", "false");
            }
        }
        if (!configured("integration.kms.local.active-key", "INTEGRATION_KMS_LOCAL_ACTIVE_KEY")
                && !configured("integration.kms.provider", "INTEGRATION_KMS_PROVIDER")) {
            prepareLocalKeyEncryptionKey(dataDir.resolve("kms"));
        }
        if (!configured("integration.webhooks.delivery-secret", "INTEGRATION_WEBHOOKS_DELIVERY_SECRET")) {
            System.setProperty("integration.webhooks.delivery-secret", localDeliverySecret(dataDir.resolve("webhooks")));
        }
        if (!configured("quarkus.oidc.auth-server-url", "QUARKUS_OIDC_AUTH_SERVER_URL")
                && !configured("quarkus.oidc.public-key", "QUARKUS_OIDC_PUBLIC_KEY")) {
            Path keyFile = dataDir.resolve("local-issuer").resolve("signing-key.pem");
            String publicKey = LocalIssuer.ensureSigningKey(keyFile);
            System.setProperty("quarkus.oidc.public-key", publicKey);
            System.setProperty("quarkus.oidc.token.issuer", "integration-service-local");
            System.setProperty("integration.local.dev-token.enabled", "true");
            System.setProperty("integration.local.dev-token.signing-key", keyFile.toAbsolutePath().toString());
            LOG.info("no OIDC issuer configured: using the local issuer; get a token with POST /dev/token");
        }
    }

    /** A local key-encryption key file (like a mounted Kubernetes Secret), created once and kept with the data. */
    private static void prepareLocalKeyEncryptionKey(Path keyDirectory) throws Exception {
        Path keyFile = keyDirectory.resolve("local.v1");
        if (!java.nio.file.Files.exists(keyFile)) {
            java.nio.file.Files.createDirectories(keyDirectory);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            java.nio.file.Files.writeString(keyFile, Base64.getEncoder().encodeToString(key));
            java.nio.file.Files.setPosixFilePermissions(keyFile,
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
        System.setProperty("integration.kms.local.key-directory", keyDirectory.toAbsolutePath().toString());
        System.setProperty("integration.kms.local.active-key", "local:1");
        LOG.infof("no key provider configured: using the local key-encryption key in %s", keyDirectory);
    }

    /** The secret local deliveries to subscribers are signed with ("whsec_" + base64), created once and kept. */
    private static String localDeliverySecret(Path folder) throws Exception {
        Path file = folder.resolve("delivery-secret");
        if (!java.nio.file.Files.exists(file)) {
            java.nio.file.Files.createDirectories(folder);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            java.nio.file.Files.writeString(file, "whsec_" + Base64.getEncoder().encodeToString(key));
            java.nio.file.Files.setPosixFilePermissions(file,
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
        return java.nio.file.Files.readString(file).strip();
    }

    private static void startEmbeddedDatabase(Path dataDir) throws Exception {
        int port = Integer.parseInt(setting("integration.local.database-port", "INTEGRATION_LOCAL_DATABASE_PORT", "0"));
        EmbeddedDatabase database = EmbeddedDatabase.start(dataDir.resolve("postgres"), false, port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                database.close();
            } catch (Exception e) {
                LOG.warn("embedded PostgreSQL did not stop cleanly", e);
            }
        }, "embedded-postgres-stop"));
        // Fresh random passwords every start: the migrations apply them to the roles before the pools connect.
        Map<String, String> config = database.serviceConfiguration(randomSecret(), randomSecret(), randomSecret());
        config.forEach(System::setProperty);
        System.setProperty("integration.local.demo-tenant.enabled", "true");
        LOG.infof("embedded PostgreSQL on 127.0.0.1:%d, data in %s", database.port(), dataDir.resolve("postgres"));
    }

    /** True inside a GraalVM/Mandrel native executable (the property the native-image runtime sets). */
    static boolean inNativeImage() {
        return "runtime".equals(System.getProperty("org.graalvm.nativeimage.imagecode"));
    }

    private static boolean configured(String property, String env) {
        return System.getProperty(property) != null || System.getenv(env) != null;
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property, System.getenv(env));
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
