package io.integration.oauth;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where to send the user's browser, the state that the callback must carry back, and until when it is valid. */
@Schema(name = "OAuthAuthorizationStarted")
public record AuthorizationStarted(String authorizationUrl, String state, Instant expiresAt) {
}
