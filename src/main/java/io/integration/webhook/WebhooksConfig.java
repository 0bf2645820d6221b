package io.integration.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Inbound webhook limits ({@code integration.webhooks.*}). */
@ConfigMapping(prefix = "integration.webhooks")
public interface WebhooksConfig {

    /** Largest accepted webhook body in bytes; larger ones are answered 413 and audited without their payload. */
    @WithDefault("1048576")
    int maxBodyBytes();

    /** Secret ("whsec_" + base64) with which deliveries to internal subscribers are signed (Standard Webhooks). */
    java.util.Optional<String> deliverySecret();

    /** How often every replica claims queued events ("off" disables the scheduler). */
    @WithDefault("2s")
    String pollInterval();

    /** Events claimed per batch. */
    @WithDefault("50")
    int batchSize();

    /** How long a replica holds a claimed event; after that another replica may take it. */
    @WithDefault("60s")
    java.time.Duration lease();

    /** How long a subscriber may take to answer a delivery. */
    @WithDefault("10s")
    java.time.Duration deliveryTimeout();

    /** First retry delay; each further attempt doubles it (with jitter) up to backoff-max. */
    @WithDefault("2s")
    java.time.Duration backoffBase();

    /**
     * On shutdown, how long deliveries already in flight may take to finish before the replica hands back the leases
     * of the events it still holds (keep it below the pod's termination grace period).
     */
    @WithDefault("10s")
    java.time.Duration shutdownDrain();

    /** Longest retry delay. */
    @WithDefault("1h")
    java.time.Duration backoffMax();
}
