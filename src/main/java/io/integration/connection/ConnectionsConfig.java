package io.integration.connection;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of connection tests ({@code integration.connections.*}). */
@ConfigMapping(prefix = "integration.connections")
public interface ConnectionsConfig {

    /** How long a provider may take to answer a connection test (connect and response). */
    @WithDefault("10s")
    Duration testTimeout();
}
