package io.integration.sync.connector;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.integration.credential.vault.CredentialVault;
import io.integration.credential.vault.SecretTable;
import io.integration.provider.ProviderDefinition;
import io.integration.provider.ProviderDefinition.AuthMode;
import io.integration.sync.connector.PullFailedException.Reason;
import io.smallrye.mutiny.Uni;

/**
 * Authorizes provider requests with the connection's stored credential, put on the request exactly as a connection
 * test does (API key in the provider's credential header, BASIC as {@code Authorization: Basic}). OAUTH2 providers
 * take their token from the {@link OAuthAccessTokenSource} when one is wired, which can also refresh it after a
 * rejection; without one, the access token stored on the connection is used and cannot be refreshed.
 */
@ApplicationScoped
class ConnectionCredentialAuthorization implements ProviderAuthorization {

    private final CredentialVault vault;
    private final Instance<OAuthAccessTokenSource> oauth;

    ConnectionCredentialAuthorization(CredentialVault vault, Instance<OAuthAccessTokenSource> oauth) {
        this.vault = vault;
        this.oauth = oauth;
    }

    @Override
    public Uni<ProviderCredential> authorize(SyncTarget target) {
        ProviderDefinition provider = target.provider();
        if (provider.authMode() == AuthMode.OAUTH2 && oauth.isResolvable()) {
            return oauth.get().validToken(target.tenant(), target.venueId(), provider.slug())
                    .map(token -> header(provider, token));
        }
        return Uni.createFrom().item(() -> header(provider, storedSecret(target)));
    }

    @Override
    public Uni<Optional<ProviderCredential>> reauthorize(SyncTarget target, ProviderCredential rejected) {
        ProviderDefinition provider = target.provider();
        if (provider.authMode() != AuthMode.OAUTH2 || !oauth.isResolvable()) {
            return Uni.createFrom().item(Optional.empty());
        }
        String rejectedToken = tokenOf(provider, rejected);
        return oauth.get().refreshAfterRejection(target.tenant(), target.venueId(), provider.slug(), rejectedToken)
                .map(token -> Optional.of(header(provider, token)))
                // No refresh possible (no refresh token, refresh rejected): the run fails as an auth rejection.
                .onFailure().recoverWithItem(Optional.empty());
    }

    private String storedSecret(SyncTarget target) {
        if (target.provider().authMode() == AuthMode.NONE) {
            return null;
        }
        if (target.sealedCredential() == null) {
            throw PullFailedException.of(Reason.NOT_CONFIGURED, "connection " + target.connectionId()
                    + " has no stored credential");
        }
        return vault.open(target.tenant(), SecretTable.CONNECTIONS, "access_token_encrypted", target.connectionId(),
                target.sealedCredential());
    }

    private static ProviderCredential header(ProviderDefinition provider, String secret) {
        return provider.authorizationHeader(secret)
                .map(header -> new ProviderCredential(header.getKey(), header.getValue()))
                .orElse(null);
    }

    private static String tokenOf(ProviderDefinition provider, ProviderCredential credential) {
        String prefix = provider.credentialHeader().prefixOrEmpty();
        String value = credential.headerValue();
        return value.startsWith(prefix) ? value.substring(prefix.length()) : value;
    }
}
