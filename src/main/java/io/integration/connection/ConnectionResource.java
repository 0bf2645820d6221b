package io.integration.connection;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.integration.common.Enums;
import io.integration.common.Ids;
import io.integration.common.Page;
import io.integration.common.PageRequest;
import io.integration.tenancy.CurrentTenant;
import io.integration.tenancy.Roles;
import io.smallrye.mutiny.Uni;

/** REST API of connections: list, get, disconnect, test. */
@Path("/api/v1/connections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Connections", description = "Venues' and users' connections to integrations")
@SecurityRequirement(name = "bearer")
public class ConnectionResource {

    private final ConnectionService service;
    private final ConnectionTester tester;
    private final CurrentTenant tenant;

    public ConnectionResource(ConnectionService service, ConnectionTester tester, CurrentTenant tenant) {
        this.service = service;
        this.tester = tester;
        this.tenant = tenant;
    }

    @GET
        @RolesAllowed(Roles.READ)
    @Operation(summary = "List connections", description = "Cursor-paginated; filter by integrationId, venueId, status")
    public Uni<Page<ConnectionResponse>> list(@QueryParam("integrationId") String integrationId,
            @QueryParam("venueId") String venueId,
            @Parameter(description = "CONNECTED, DISCONNECTED, ERROR or EXPIRED") @QueryParam("status") String status,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        ConnectionFilter filter = new ConnectionFilter(Ids.parseOptional(integrationId, "integrationId"),
                Ids.parseOptional(venueId, "venueId"), Enums.parseOptional(ConnectionStatus.class, status, "status"));
        return service.list(tenant.id(), filter, PageRequest.of(cursor, limit));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.READ)
    @Operation(summary = "Get a connection (masks only)")
    public Uni<ConnectionResponse> get(@PathParam("id") String id) {
        return service.get(tenant.id(), Ids.parse(id, "id"));
    }

    @POST
    @Path("/{id}/disconnect")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.WRITE)
    @Operation(summary = "Disconnect: destroy the credentials, keep the connection for history", description = "Idempotent")
    public Uni<ConnectionResponse> disconnect(@PathParam("id") String id) {
        return service.disconnect(tenant.id(), tenant.actor(), Ids.parse(id, "id"));
    }

    @POST
    @Path("/{id}/reveal")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.SECRETS)
    @Operation(summary = "Reveal the plaintext credentials (internal services, secrets role)", description = "Every call is written to the activity log. 409 when the connection holds no credentials.")
    public Uni<Response> reveal(@PathParam("id") String id) {
        return service.reveal(tenant.id(), tenant.actor(), Ids.parse(id, "id"))
                .map(revealed -> Response.ok(revealed).header("Cache-Control", "no-store").build());
    }

    @POST
    @Path("/{id}/test")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.WRITE)
    @Operation(summary = "Test the stored credentials against the provider", description = "Records TEST_SUCCESS or TEST_FAILED in the activity log and updates the connection and the venue's integration health. 409 when the connection holds no credentials.")
    public Uni<ConnectionTestResult> test(@PathParam("id") String id) {
        return tester.test(tenant.id(), tenant.actor(), Ids.parse(id, "id"));
    }
}
