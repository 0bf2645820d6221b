package io.integration.tenancy;

/** Roles read from the token's roles claim; see docs/SECURITY.md for what each one allows. */
public final class Roles {

    /** Read the tenant's catalog, connections, logs and telemetry. */
    public static final String READ = "read";
    /** Create, change and delete the tenant's integrations, connections and settings (implies read). */
    public static final String WRITE = "write";
    /** Administrative operations such as key rotation (implies write and read). */
    public static final String ADMIN = "admin";
    /** Reveal plaintext credentials and obtain access tokens (internal services only; audited). */
    public static final String SECRETS = "secrets";
    /** Platform-level system operations across tenants (internal services only). */
    public static final String SYSTEM = "system";

    private Roles() {
    }
}
