package io.integration.credential.apikey;


import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

/** REST API of venues' API keys: write-only secrets, masked reads, and an audited reveal for internal services. */
@Path("/api/v1/venues/{venueId}/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "API keys", description = "Venues' provider API keys, encrypted at rest")
@SecurityRequirement(name = "bearer")
public class VenueApiKeyResource {

    private final VenueApiKeyService service;
    private final CurrentTenant tenant;

    public VenueApiKeyResource(VenueApiKeyService service, CurrentTenant tenant) {
        this.service = service;
        this.tenant = tenant;
    }

    @GET
    @RolesAllowed(Roles.READ)
    @Operation(summary = "List a venue's API keys (masks only)", description = "Cursor-paginated")
    public Uni<Page<ApiKeyResponse>> list(@PathParam("venueId") String venueId, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        return service.list(tenant.id(), Ids.parse(venueId, "venueId"), PageRequest.of(cursor, limit));
    }

    @PUT
    @Path("/{provider}/{keyName}")
    @RolesAllowed(Roles.WRITE)
    @Operation(summary = "Store or replace a venue's API key", description = "201 when created, 200 when replaced (keyVersion increments). Secrets are write-only.")
    public Uni<Response> store(@PathParam("venueId") String venueId, @PathParam("provider") String provider,
            @PathParam("keyName") String keyName, @Valid @NotNull ApiKeyRequest request) {
        return service.store(tenant.id(), tenant.actor(), Ids.parse(venueId, "venueId"), Slugs.require(provider, "provider"),
                        Slugs.require(keyName, "keyName"), request)
                .map(stored -> Response.status(stored.created() ? 201 : 200).entity(stored.key()).build());
    }

    @GET
    @Path("/{provider}/{keyName}")
    @RolesAllowed(Roles.READ)
    @Operation(summary = "Get a venue's API key (masks only)")
    public Uni<ApiKeyResponse> get(@PathParam("venueId") String venueId, @PathParam("provider") String provider,
            @PathParam("keyName") String keyName) {
        return service.get(tenant.id(), Ids.parse(venueId, "venueId"), Slugs.require(provider, "provider"), Slugs.require(keyName, "keyName"));
    }

    @DELETE
    @Path("/{provider}/{keyName}")
    @RolesAllowed(Roles.WRITE)
    @Operation(summary = "Delete a venue's API key and its encrypted secrets")
    public Uni<Response> delete(@PathParam("venueId") String venueId, @PathParam("provider") String provider,
            @PathParam("keyName") String keyName) {
        return service.delete(tenant.id(), Ids.parse(venueId, "venueId"), Slugs.require(provider, "provider"), Slugs.require(keyName, "keyName"))
                .map(ignored -> Response.noContent().build());
    }

    @POST
    @Path("/{provider}/{keyName}/reveal")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.SECRETS)
    @Operation(summary = "Reveal the plaintext secrets (internal services, secrets role)", description = "Every call is written to the activity log.")
    public Uni<Response> reveal(@PathParam("venueId") String venueId, @PathParam("provider") String provider,
            @PathParam("keyName") String keyName) {
        return service.reveal(tenant.id(), tenant.actor(), Ids.parse(venueId, "venueId"), Slugs.require(provider, "provider"),
                        Slugs.require(keyName, "keyName"))
                .map(revealed -> Response.ok(revealed).header("Cache-Control", "no-store").build());
    }
}
