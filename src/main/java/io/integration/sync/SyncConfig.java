package io.integration.sync;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The sync queue, its scheduler and the built-in worker loop ({@code integration.sync.*}). */
@ConfigMapping(prefix = "integration.sync")
public interface SyncConfig {

    /** How often every replica enqueues the due scheduled syncs of integration_configs ("off" disables it). */
    @WithDefault("30s")
    String schedulePollInterval();

    /** How often the built-in worker loop claims jobs ("off" disables it). */
    @WithDefault("5s")
    String workerPollInterval();

    /** Providers whose jobs the built-in worker loop claims; none (the default) leaves every job to external workers. */
    Optional<List<String>> workerProviders();

    /** Jobs the built-in worker loop claims and runs at once per replica. */
    @WithDefault("4")
    int workerBatchSize();

    /** Lease of a claim when the worker names none; a worker must heartbeat before it ends or lose the job. */
    @WithDefault("60s")
    Duration lease();

    /** Longest lease a worker may ask for. */
    @WithDefault("1h")
    Duration maxLease();

    /** Attempts of a new job before it is DEAD. */
    @WithDefault("5")
    int maxAttempts();

    /** First retry delay; each further attempt doubles it (with 50–100 % jitter) up to backoff-max. */
    @WithDefault("30s")
    Duration backoffBase();

    /** Longest retry delay. */
    @WithDefault("1h")
    Duration backoffMax();
}
