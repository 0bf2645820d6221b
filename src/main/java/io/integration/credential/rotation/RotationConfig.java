package io.integration.credential.rotation;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the key-rotation job runs ({@code integration.rotation.*}). */
@ConfigMapping(prefix = "integration.rotation")
public interface RotationConfig {

    /** Rows re-wrapped per transaction; each batch commits its rows and the run's progress together. */
    @WithDefault("100")
    int batchSize();

    /** How long a replica holds a run without renewing; after that another replica resumes it. */
    @WithDefault("30s")
    Duration lease();

    /** Most batches one scheduler tick processes before yielding (keeps a tick bounded). */
    @WithDefault("50")
    int batchesPerTick();

    /** How often every replica looks for a rotation run to work on ("off" disables the scheduler). */
    @WithDefault("5s")
    String pollInterval();

    /** How often every replica reloads the shared key states (active / retired) from the database. */
    @WithDefault("15s")
    String keyStateSyncInterval();
}
