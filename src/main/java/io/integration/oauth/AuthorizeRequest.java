package io.integration.oauth;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Starts a connect: which catalog entry and user, which scopes, and where the provider sends the browser back. */
@Schema(name = "OAuthAuthorizeRequest")
public record AuthorizeRequest(
        @Schema(description = "The catalog entry to connect; optional when the tenant has exactly one for the provider") UUID integrationId,
        @Schema(description = "The user (auth-service id) for a user-level connection") UUID userId,
        @Schema(description = "Scopes to request; default: the provider's default scopes") @Size(max = 50) List<@Size(min = 1, max = 200) String> scopes,
        @Schema(description = "This service's public /oauth/callback URL as registered at the provider; must be one of"
                + " integration.oauth.redirect-uris (default: the first of them)") @Size(max = 2000) String redirectUri) {
}
