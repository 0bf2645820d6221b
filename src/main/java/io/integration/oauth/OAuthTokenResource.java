package io.integration.oauth;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.integration.common.Ids;
import io.integration.common.Page;
import io.integration.common.PageRequest;
import io.integration.common.Slugs;
import io.integration.tenancy.CurrentTenant;
import io.integration.tenancy.Roles;
import io.smallrye.mutiny.Uni;

/** REST API of venues' OAuth tokens: store or replace (write-only), read masks, expiry and versions. */
@Path("/api/v1/venues/{venueId}/oauth-tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "OAuth tokens", description = "Venues' OAuth 2.0 tokens per provider, encrypted at rest")
@SecurityRequirement(name = "bearer")
public class OAuthTokenResource {

    private final OAuthTokenService service;
    private final CurrentTenant tenant;

    private final OAuthAccessTokenService accessTokens;

    public OAuthTokenResource(OAuthTokenService service, CurrentTenant tenant, OAuthAccessTokenService accessTokens) {
        this.service = service;
        this.tenant = tenant;
        this.accessTokens = accessTokens;
    }

    @GET
    @RolesAllowed(Roles.READ)
    @Operation(summary = "List a venue's stored OAuth tokens (masks only)", description = "Cursor-paginated")
    public Uni<Page<OAuthTokenResponse>> list(@PathParam("venueId") String venueId, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        return service.list(tenant.id(), Ids.parse(venueId, "venueId"), PageRequest.of(cursor, limit));
    }

    @PUT
    @Path("/{provider}")
    @RolesAllowed(Roles.WRITE)
    @Operation(summary = "Store or replace a venue's OAuth tokens for a provider", description = "201 when created, 200 when replaced (tokenVersion increments). The provider must use OAuth 2.0.")
    public Uni<Response> store(@PathParam("venueId") String venueId, @PathParam("provider") String provider,
            @Valid @NotNull OAuthTokenRequest request) {
        return service.store(tenant.id(), tenant.actor(), Ids.parse(venueId, "venueId"), Slugs.require(provider, "provider"),
                        request)
                .map(stored -> Response.status(stored.created() ? 201 : 200).entity(stored.token()).build());
    }

    @GET
    @Path("/{provider}")
    @RolesAllowed(Roles.READ)
    @Operation(summary = "Get a venue's OAuth tokens for a provider (masks only)")
    public Uni<OAuthTokenResponse> get(@PathParam("venueId") String venueId, @PathParam("provider") String provider) {
        return service.get(tenant.id(), Ids.parse(venueId, "venueId"), Slugs.require(provider, "provider"));
    }

    @DELETE
    @Path("/{provider}")
    @RolesAllowed(Roles.WRITE)
    @Operation(summary = "Delete a venue's OAuth tokens for a provider")
    public Uni<Response> delete(@PathParam("venueId") String venueId, @PathParam("provider") String provider) {
        return service.delete(tenant.id(), Ids.parse(venueId, "venueId"), Slugs.require(provider, "provider"))
                .map(ignored -> Response.noContent().build());
    }

    @GET
    @Path("/{provider}/access-token")
    @RolesAllowed({Roles.SECRETS, Roles.SYSTEM})
    @Operation(summary = "Get a valid provider access token for a venue (internal services; audited)",
            description = "Refreshes first when the token expires within integration.oauth.refresh-margin (one refresh at"
                    + " a time per venue and provider across replicas). 409 when the connection has expired and must be"
                    + " reconnected, 503 when no valid token is left and the provider cannot refresh right now."
                    + " Answered with Cache-Control: no-store.")
    public Uni<Response> accessToken(@PathParam("venueId") String venueId, @PathParam("provider") String provider) {
        return accessTokens.issue(tenant.id(), tenant.actor(), Ids.parse(venueId, "venueId"),
                        Slugs.require(provider, "provider"))
                .map(token -> Response.ok(token).header("Cache-Control", "no-store").header("Pragma", "no-cache").build());
    }
}
