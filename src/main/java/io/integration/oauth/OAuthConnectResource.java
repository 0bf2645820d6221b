package io.integration.oauth;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.integration.common.Ids;
import io.integration.common.Slugs;
import io.integration.tenancy.CurrentTenant;
import io.integration.tenancy.Roles;
import io.smallrye.mutiny.Uni;

/** Starts a venue's OAuth 2.0 connect (authorization code with PKCE). */
@Path("/api/v1/venues/{venueId}/oauth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "OAuth connect", description = "Connect a venue to an OAuth 2.0 provider through the user's browser")
@SecurityRequirement(name = "bearer")
public class OAuthConnectResource {

    private final OAuthConnectService service;
    private final CurrentTenant tenant;

    public OAuthConnectResource(OAuthConnectService service, CurrentTenant tenant) {
        this.service = service;
        this.tenant = tenant;
    }

    @POST
    @Path("/{provider}/authorize")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.WRITE)
    @Operation(summary = "Start an OAuth 2.0 connect for a venue",
            description = "Returns the provider's authorization URL to send the user's browser to, with a single-use state"
                    + " (valid for integration.oauth.state-ttl) and a PKCE S256 challenge. The provider redirects the"
                    + " browser to GET /oauth/callback, which completes the connect. The body is optional.")
    public Uni<AuthorizationStarted> authorize(@PathParam("venueId") String venueId,
            @PathParam("provider") String provider, @Valid AuthorizeRequest request) {
        return service.authorize(tenant.id(), tenant.actor(), Ids.parse(venueId, "venueId"),
                Slugs.require(provider, "provider"), request);
    }
}
