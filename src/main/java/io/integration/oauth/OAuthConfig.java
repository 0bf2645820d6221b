package io.integration.oauth;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The OAuth 2.0 connect flow and token upkeep ({@code integration.oauth.*}). */
@ConfigMapping(prefix = "integration.oauth")
public interface OAuthConfig {

    /** Per provider slug: this service's OAuth client at the provider. */
    Map<String, Client> clients();

    /**
     * Redirect URIs (this service's public {@code /oauth/callback} address) that a connect may register at the
     * provider; the first is the default. Unset: any absolute http(s) URI whose path ends with /oauth/callback.
     */
    Optional<List<String>> redirectUris();

    /** How long a started authorization (its state) may be completed. */
    @WithDefault("10m")
    Duration stateTtl();

    /** An access token expiring within this margin is refreshed before it is handed out. */
    @WithDefault("5m")
    Duration refreshMargin();

    /** Tokens not refreshed for this long are refreshed by the background job even if not near expiry. */
    @WithDefault("168h")
    Duration idleRefreshAge();

    /** Consecutive refresh failures after which the connection is EXPIRED and needs reconnecting. */
    @WithDefault("5")
    int maxRefreshFailures();

    /** First delay after a failed refresh; each further failure doubles it (with jitter) up to backoff-max. */
    @WithDefault("30s")
    Duration backoffBase();

    /** Longest delay between refresh attempts. */
    @WithDefault("30m")
    Duration backoffMax();

    /** How long the provider's token endpoint may take to answer (connect and response). */
    @WithDefault("10s")
    Duration tokenEndpointTimeout();

    /** How often every replica looks for tokens to refresh ("off" disables the scheduler). */
    @WithDefault("1m")
    String refreshInterval();

    /** Tokens refreshed per background tick. */
    @WithDefault("50")
    int refreshBatchSize();

    /** One provider's OAuth client registration. */
    interface Client {
        /** The client id registered at the provider. */
        String clientId();

        /** The client secret (a public client with PKCE only may leave it unset). */
        Optional<String> clientSecret();

        /** How the client authenticates at the token endpoint: client_secret_post or client_secret_basic. */
        @WithDefault("client_secret_post")
        String authentication();
    }
}
