package io.integration.credential.kms;

/** Outcome of a key provider's wrap/unwrap probe; {@code detail} names what failed, never key material. */
public record HealthStatus(boolean up, String provider, KeyRef activeKey, String detail) {

    public static HealthStatus up(String provider, KeyRef activeKey) {
        return new HealthStatus(true, provider, activeKey, "wrap/unwrap probe succeeded");
    }

    public static HealthStatus down(String provider, KeyRef activeKey, String detail) {
        return new HealthStatus(false, provider, activeKey, detail);
    }
}
