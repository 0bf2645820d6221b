package io.integration.common.idempotency;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How Idempotency-Key requests are kept and replayed ({@code integration.idempotency.*}). */
@ConfigMapping(prefix = "integration.idempotency")
public interface IdempotencyConfig {

    /** How long a completed request's response is replayed for its key; after that the key may be used anew. */
    @WithDefault("24h")
    Duration ttl();

    /** How long a started request holds its key; a request still pending after this (a dead replica) is taken over. */
    @WithDefault("60s")
    Duration pendingTimeout();

    /** How long a concurrent request with the same key waits for the first one before answering 409. */
    @WithDefault("5s")
    Duration replayWait();

    /** How often a waiting request checks whether the first one has completed. */
    @WithDefault("100ms")
    Duration pollInterval();

    /** How often expired keys are deleted across tenants ("off" disables the job). */
    @WithDefault("1h")
    String purgeInterval();
}
