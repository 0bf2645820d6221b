package io.integration.connection;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.integration.common.Ids;
import io.integration.common.idempotency.Idempotent;
import io.integration.tenancy.CurrentTenant;
import io.integration.tenancy.Roles;
import io.smallrye.mutiny.Uni;

/** REST API to connect a venue and/or user to one of the tenant's integrations. */
@Path("/api/v1/integrations/{integrationId}/connections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Connections", description = "Venues' and users' connections to integrations")
@SecurityRequirement(name = "bearer")
public class ConnectResource {

    private final ConnectionService service;
    private final CurrentTenant tenant;

    public ConnectResource(ConnectionService service, CurrentTenant tenant) {
        this.service = service;
        this.tenant = tenant;
    }

    @POST
    @RolesAllowed(Roles.WRITE)
    @Idempotent
    @Operation(summary = "Connect a venue and/or user to an integration", description = "201 when created; a second connect of the same integration, venue and user updates it (200). Credentials are write-only.")
    public Uni<Response> connect(@PathParam("integrationId") String integrationId, @Valid @NotNull ConnectRequest request) {
        return service.connect(tenant.id(), tenant.actor(), Ids.parse(integrationId, "integrationId"), request)
                .map(result -> Response.status(result.created() ? 201 : 200)
                        .location(URI.create("/api/v1/connections/" + result.connection().id()))
                        .entity(result.connection())
                        .build());
    }
}
