package io.integration.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Inbound webhook limits ({@code integration.webhooks.*}). */
@ConfigMapping(prefix = "integration.webhooks")
public interface WebhooksConfig {

    /** Largest accepted webhook body in bytes; larger ones are answered 413 and audited without their payload. */
    @WithDefault("1048576")
    int maxBodyBytes();
}
