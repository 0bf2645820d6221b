package io.integration.credential.vault;

import java.util.List;

/** Every table with encrypted columns, the columns, and the column that versions the credential. */
public enum SecretTable {
    CONNECTIONS("connections", "token_version", List.of("access_token_encrypted", "refresh_token_encrypted")),
    OAUTH_TOKENS("oauth_tokens", "token_version",
            List.of("access_token_encrypted", "refresh_token_encrypted", "id_token_encrypted")),
    VENUE_API_KEYS("venue_api_keys", "key_version",
            List.of("api_key_encrypted", "api_secret_encrypted", "webhook_secret_encrypted")),
    INTEGRATION_CONFIGS("integration_configs", "token_version",
            List.of("access_token_encrypted", "refresh_token_encrypted", "api_key_encrypted")),
    /** PKCE code verifiers of started OAuth authorizations (short-lived; the row itself is the version). */
    OAUTH_AUTHORIZATION_STATES("oauth_authorization_states", null, List.of("code_verifier_encrypted"));

    private final String table;
    private final String versionColumn;
    private final List<String> secretColumns;

    SecretTable(String table, String versionColumn, List<String> secretColumns) {
        this.table = table;
        this.versionColumn = versionColumn;
        this.secretColumns = secretColumns;
    }

    public String table() {
        return table;
    }

    public String versionColumn() {
        return versionColumn;
    }

    public List<String> secretColumns() {
        return secretColumns;
    }
}
