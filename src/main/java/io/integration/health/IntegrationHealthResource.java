package io.integration.health;

import java.util.Locale;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.integration.common.Ids;
import io.integration.common.InvalidRequestException;
import io.integration.common.Page;
import io.integration.common.PageRequest;
import io.integration.common.Slugs;
import io.integration.tenancy.CurrentTenant;
import io.integration.tenancy.Roles;
import io.smallrye.mutiny.Uni;

/** REST API of the tenant's integration health per venue and provider (fed by tests, syncs and webhook deliveries). */
@Path("/api/v1/integration-health")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Telemetry", description = "Integration health and API cost per venue and provider")
@SecurityRequirement(name = "bearer")
public class IntegrationHealthResource {

    private static final Set<String> STATUSES = Set.of("HEALTHY", "DEGRADED", "DOWN", "UNKNOWN");

    private final IntegrationHealthService service;
    private final CurrentTenant tenant;

    public IntegrationHealthResource(IntegrationHealthService service, CurrentTenant tenant) {
        this.service = service;
        this.tenant = tenant;
    }

    @GET
    @RolesAllowed(Roles.READ)
    @Operation(summary = "List integration health",
            description = "One entry per venue and provider with an outcome recorded; filter by venueId, provider and"
                    + " status; cursor-paginated, oldest first")
    public Uni<Page<IntegrationHealthResponse>> list(@QueryParam("venueId") String venueId,
            @QueryParam("provider") String provider,
            @Parameter(description = "HEALTHY, DEGRADED, DOWN or UNKNOWN") @QueryParam("status") String status,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") String limit) {
        return service.list(tenant.id(), new IntegrationHealthService.Filter(Ids.parseOptional(venueId, "venueId"),
                optionalSlug(provider), status(status)), PageRequest.of(cursor, limit));
    }

    @GET
    @Path("/{venueId}/{provider}")
    @RolesAllowed(Roles.READ)
    @Operation(summary = "Get the health of a venue's provider", description = "404 when no outcome was recorded")
    public Uni<IntegrationHealthResponse> get(@PathParam("venueId") String venueId,
            @PathParam("provider") String provider) {
        return service.get(tenant.id(), Ids.parse(venueId, "venueId"), Slugs.require(provider, "provider"));
    }

    private static String optionalSlug(String value) {
        return value == null || value.isBlank() ? null : Slugs.require(value.strip(), "provider");
    }

    private static String status(String value) {
        String normalized = value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
        if (normalized != null && !STATUSES.contains(normalized)) {
            throw new InvalidRequestException("'status' must be one of " + STATUSES.stream().sorted().toList());
        }
        return normalized;
    }
}
