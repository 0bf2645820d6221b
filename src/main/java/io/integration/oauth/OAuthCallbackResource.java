package io.integration.oauth;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/**
 * The OAuth 2.0 redirect endpoint, called by the user's browser without a bearer token: the single-use state is what
 * authenticates it and names the tenant. Answers JSON (the connection) or a problem+json saying what went wrong.
 */
@Path("/oauth/callback")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "OAuth connect")
public class OAuthCallbackResource {

    private final OAuthConnectService service;

    public OAuthCallbackResource(OAuthConnectService service) {
        this.service = service;
    }

    @GET
    @PermitAll
    @Operation(summary = "Complete an OAuth 2.0 connect (provider redirect)",
            description = "Consumes the state (single use, expiring), exchanges the code with the PKCE verifier, stores"
                    + " the tokens encrypted and marks the connection CONNECTED. error=access_denied, an unknown, used or"
                    + " expired state and a code the provider rejects answer 400; a failing provider answers 502.")
    public Uni<OAuthConnected> callback(@QueryParam("state") String state, @QueryParam("code") String code,
            @QueryParam("error") String error) {
        return service.complete(state, code, error);
    }
}
