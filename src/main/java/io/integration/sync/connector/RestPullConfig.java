package io.integration.sync.connector;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the built-in REST pull connector ({@code integration.rest-pull.*}). */
@ConfigMapping(prefix = "integration.rest-pull")
public interface RestPullConfig {

    /** How long the provider may take to answer one page (connect and response). */
    @WithDefault("30s")
    Duration requestTimeout();

    /** How long the destination may take to answer one batch. */
    @WithDefault("10s")
    Duration deliveryTimeout();

    /** Pages one run may fetch; a provider that keeps paging beyond this fails the run (a loop guard). */
    @WithDefault("1000")
    int maxPages();

    /** Mapped records per delivery to the destination. */
    @WithDefault("100")
    int batchSize();
}
