package io.integration.provider;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Overrides of the provider definitions' URLs ({@code integration.providers.*}), e.g. to point tests at stubs. */
@ConfigMapping(prefix = "integration.providers")
public interface ProvidersConfig {

    /** Classpath resource with the provider definitions. */
    @WithDefault("providers/providers.json")
    String definitions();

    /** Per provider slug: URLs that replace the shipped ones. */
    Map<String, Override> overrides();

    /** Replacement URLs of one provider. */
    interface Override {
        /** Replaces apiBaseUrl. */
        Optional<String> apiBaseUrl();

        /** Replaces oauth.authorizationUrl. */
        Optional<String> authorizationUrl();

        /** Replaces oauth.tokenUrl. */
        Optional<String> tokenUrl();
    }
}
