package io.integration.local;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the local (embedded) run: the development token endpoint and the demo tenant. Off in production. */
@ConfigMapping(prefix = "integration.local")
public interface LocalConfig {

    /** Folder of the embedded database, the local issuer key, KEK and delivery secret (read by the launcher). */
    @WithDefault(".data")
    Path dataDir();

    /** Port of the embedded PostgreSQL (127.0.0.1); 0 picks a free one (read by the launcher). */
    @WithDefault("0")
    int databasePort();

    /** The development token endpoint. */
    DevToken devToken();

    /** The demo tenant created at start. */
    DemoTenant demoTenant();

    /** POST /dev/token, which signs tokens with the local issuer's key; exists only when the service runs embedded. */
    interface DevToken {
        /** Whether the endpoint is registered at all; set only by the embedded launcher. */
        @WithDefault("false")
        boolean enabled();

        /** PKCS#8 PEM private key of the local issuer (its public key is quarkus.oidc.public-key). */
        Optional<Path> signingKey();

        /** Issuer of the local tokens; must equal quarkus.oidc.token.issuer. */
        @WithDefault("integration-service-local")
        String issuer();

        /** Lifetime of a development token in seconds. */
        @WithDefault("3600")
        long lifetimeSeconds();
    }

    /** A tenant with a few catalog entries, so the README's curl shows data. */
    interface DemoTenant {
        /** Whether the demo tenant is seeded at start; set only by the embedded launcher. */
        @WithDefault("false")
        boolean enabled();

        /** The demo tenant's id. */
        @WithDefault("6f1c2a9e-3b7d-4c1a-9e2f-5d8b7a6c4e21")
        UUID id();
    }
}
