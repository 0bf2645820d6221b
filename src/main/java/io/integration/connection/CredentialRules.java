package io.integration.connection;

import io.integration.provider.ProviderDefinition;
import io.integration.provider.ProviderDefinition.AuthMode;

/** Which credential fields a provider's auth mode needs, and the one secret string stored for it. */
final class CredentialRules {

    private CredentialRules() {
    }

    /** The primary secret to store (API key, access token, or "username:password"); null for auth mode NONE. */
    static String primarySecret(ProviderDefinition provider, ConnectRequest.Credentials credentials) {
        AuthMode mode = provider.authMode();
        if (mode == AuthMode.NONE) {
            return null;
        }
        if (credentials == null) {
            throw new InvalidCredentialsException(describe(provider) + ": 'credentials' is required");
        }
        return switch (mode) {
            case API_KEY -> require(credentials.apiKey(), "credentials.apiKey", provider);
            case OAUTH2 -> require(credentials.accessToken(), "credentials.accessToken", provider);
            case BASIC -> {
                String user = require(credentials.username(), "credentials.username", provider);
                if (user.contains(":")) {
                    throw new InvalidCredentialsException("'credentials.username' must not contain ':'");
                }
                yield user + ":" + require(credentials.password(), "credentials.password", provider);
            }
            case NONE -> null;
        };
    }

    private static String require(String value, String field, ProviderDefinition provider) {
        if (value == null || value.isBlank()) {
            throw new InvalidCredentialsException(describe(provider) + ": '" + field + "' is required");
        }
        return value;
    }

    private static String describe(ProviderDefinition provider) {
        return "provider '" + provider.slug() + "' authenticates with " + provider.authMode();
    }
}
