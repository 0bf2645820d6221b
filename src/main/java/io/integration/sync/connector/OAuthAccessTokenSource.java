package io.integration.sync.connector;

import java.util.UUID;

import io.integration.tenancy.TenantId;
import io.smallrye.mutiny.Uni;

/**
 * The OAuth hook: where OAUTH2 providers' access tokens come from. Implement it as a CDI bean over the OAuth
 * lifecycle (validToken / refreshAfterRejection of the venue's token for the provider). Without such a bean the
 * connector uses the access token stored on the connection and cannot refresh it.
 */
public interface OAuthAccessTokenSource {

    /** A currently valid access token (refreshed first when it is about to expire). */
    Uni<String> validToken(TenantId tenant, UUID venueId, String provider);

    /** A new access token after the provider rejected {@code rejectedAccessToken}; fails when none can be had. */
    Uni<String> refreshAfterRejection(TenantId tenant, UUID venueId, String provider, String rejectedAccessToken);
}
