package io.integration.webhook;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.integration.common.Ids;
import io.integration.common.Slugs;
import io.integration.tenancy.CurrentTenant;
import io.integration.tenancy.Roles;
import io.smallrye.mutiny.Uni;

/** REST API of venues' inbound webhook endpoints. */
@Path("/api/v1/venues/{venueId}/webhook-endpoints/{provider}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Inbound provider webhooks: endpoints, events, replay")
@SecurityRequirement(name = "bearer")
public class WebhookEndpointResource {

    private final WebhookEndpointService service;
    private final CurrentTenant tenant;

    public WebhookEndpointResource(WebhookEndpointService service, CurrentTenant tenant) {
        this.service = service;
        this.tenant = tenant;
    }

    @PUT
    @RolesAllowed(Roles.WRITE)
    @Operation(summary = "Create or update a venue's webhook endpoint for a provider", description = "201 on creation, with the inbound path (shown once); 200 on update. The provider's webhook secret is the venue's API key webhookSecret.")
    public Uni<Response> save(@PathParam("venueId") String venueId, @PathParam("provider") String provider,
            @Valid @NotNull WebhookEndpointRequest request) {
        return service.save(tenant.id(), Ids.parse(venueId, "venueId"), Slugs.require(provider, "provider"), request)
                .map(saved -> Response.status(saved.created() ? 201 : 200).entity(saved.endpoint())
                        .header("Cache-Control", "no-store").build());
    }

    @GET
    @RolesAllowed(Roles.READ)
    @Operation(summary = "Get a venue's webhook endpoint (without its routing token)")
    public Uni<WebhookEndpointResponse> get(@PathParam("venueId") String venueId, @PathParam("provider") String provider) {
        return service.get(tenant.id(), Ids.parse(venueId, "venueId"), Slugs.require(provider, "provider"));
    }

    @POST
    @Path("/rotate-token")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.WRITE)
    @Operation(summary = "Issue a new routing token (the old path stops working at once)")
    public Uni<Response> rotate(@PathParam("venueId") String venueId, @PathParam("provider") String provider) {
        return service.rotateToken(tenant.id(), Ids.parse(venueId, "venueId"), Slugs.require(provider, "provider"))
                .map(endpoint -> Response.ok(endpoint).header("Cache-Control", "no-store").build());
    }

    @DELETE
    @RolesAllowed(Roles.WRITE)
    @Operation(summary = "Delete a venue's webhook endpoint")
    public Uni<Response> delete(@PathParam("venueId") String venueId, @PathParam("provider") String provider) {
        return service.delete(tenant.id(), Ids.parse(venueId, "venueId"), Slugs.require(provider, "provider"))
                .map(ignored -> Response.noContent().build());
    }
}
