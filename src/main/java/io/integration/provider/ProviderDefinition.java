package io.integration.provider;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.integration.catalog.IntegrationCategory;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** One supported provider, as declared in {@code providers/providers.json} (URLs after configuration overrides). */
@RegisterForReflection
@Schema(name = "Provider")
public record ProviderDefinition(String slug, String displayName, IntegrationCategory category, AuthMode authMode,
        String apiBaseUrl, CredentialHeader credentialHeader, OAuth oauth, TestRequest testRequest, Webhook webhook,
        Pricing pricing, List<Setting> settings, Sync sync) {

    /**
     * The header that carries {@code secret} (API key, access token or "user:password") on outbound calls: BASIC as
     * {@code Authorization: Basic base64}, otherwise the credential header with its prefix; empty without a secret.
     */
    public Optional<Map.Entry<String, String>> authorizationHeader(String secret) {
        if (secret == null) {
            return Optional.empty();
        }
        if (authMode == AuthMode.BASIC) {
            return Optional.of(Map.entry("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8))));
        }
        if (credentialHeader == null) {
            return Optional.empty();
        }
        return Optional.of(Map.entry(credentialHeader.name(), credentialHeader.prefixOrEmpty() + secret));
    }

    /** How a connection authenticates to the provider. */
    public enum AuthMode {
        OAUTH2, API_KEY, BASIC, NONE
    }

    /** Where the stored credential goes on outbound calls (BASIC uses the Authorization header). */
    @RegisterForReflection
    public record CredentialHeader(String name, String prefix) {

        /** The prefix before the secret ("Bearer "), "" when none is declared. */
        public String prefixOrEmpty() {
            return prefix == null ? "" : prefix;
        }
    }

    /** OAuth 2.0 endpoints and defaults of the provider. */
    @RegisterForReflection
    public record OAuth(String authorizationUrl, String tokenUrl, List<String> defaultScopes, boolean pkce) {
    }

    /** The cheap authenticated request that proves a credential works. */
    @RegisterForReflection
    public record TestRequest(String method, String path, List<Integer> expectStatus) {
    }

    /** How the provider signs webhooks (a scheme id of io.integration.webhook.signature.SignatureSchemes). */
    @RegisterForReflection
    public record Webhook(String scheme, String header, String encoding, Integer toleranceSeconds) {
    }

    /** Price of one API call, for cost tracking. */
    @RegisterForReflection
    public record Pricing(BigDecimal perCall, String currency) {
    }

    /** One setting of the provider's configuration, for validating integration_configs. */
    @RegisterForReflection
    public record Setting(String name, SettingType type, boolean required, List<String> allowed, String description) {
    }

    /** JSON type of a setting value. */
    public enum SettingType {
        STRING, BOOLEAN, NUMBER
    }

    /**
     * The list endpoint the built-in REST pull connector pages through (absent: the provider is synced by external
     * workers only). Pointers are JSON Pointers (RFC 6901); {@code recordsPointer} "" means the body is the array.
     */
    @RegisterForReflection
    @Schema(name = "ProviderSync")
    public record Sync(String listPath, Map<String, String> query, String recordsPointer, String idPointer,
            Pagination pagination, Incremental incremental) {
    }

    /** How the list endpoint pages: the style, the page size and the parameters the style needs. */
    @RegisterForReflection
    @Schema(name = "ProviderSyncPagination")
    public record Pagination(PaginationStyle style, String pageSizeParam, Integer pageSize, String cursorPointer,
            String cursorParam, String pageParam, Integer firstPage) {
    }

    /**
     * CURSOR: the next cursor is read from the body at {@code cursorPointer} and sent as {@code cursorParam}; PAGE:
     * {@code pageParam} counts up from {@code firstPage} until an empty or short page; LINK_HEADER: the
     * {@code Link: <...>; rel="next"} URL is followed until absent.
     */
    @Schema(name = "ProviderSyncPaginationStyle")
    public enum PaginationStyle {
        CURSOR, PAGE, LINK_HEADER
    }

    /** The record field (JSON Pointer) an incremental run continues from, and the query parameter that sends it. */
    @RegisterForReflection
    @Schema(name = "ProviderSyncIncremental")
    public record Incremental(String field, String param) {
    }
}
