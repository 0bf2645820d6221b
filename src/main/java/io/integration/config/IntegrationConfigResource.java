package io.integration.config;

import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

import io.integration.common.ETags;
import io.integration.common.Ids;
import io.integration.common.InvalidRequestException;
import io.integration.common.Page;
import io.integration.common.PageRequest;
import io.integration.common.Slugs;
import io.integration.tenancy.CurrentTenant;
import io.integration.tenancy.Roles;
import io.smallrye.mutiny.Uni;

/** REST API of venues' per-provider configs: settings checked against the provider definition, write-only secrets. */
@Path("/api/v1/venues/{venueId}/configs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Configs", description = "Venues' settings per provider: sync schedule, enabled flag, legacy secrets")
@SecurityRequirement(name = "bearer")
public class IntegrationConfigResource {

    private final IntegrationConfigService service;
    private final CurrentTenant tenant;

    public IntegrationConfigResource(IntegrationConfigService service, CurrentTenant tenant) {
        this.service = service;
        this.tenant = tenant;
    }

    @GET
    @RolesAllowed(Roles.READ)
    @Operation(summary = "List a venue's configs", description = "Cursor-paginated, oldest first; filter by enabled")
    public Uni<Page<IntegrationConfigResponse>> list(@PathParam("venueId") String venueId,
            @Parameter(description = "true or false") @QueryParam("enabled") String enabled,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") String limit) {
        return service.list(tenant.id(), venue(venueId), parseBoolean(enabled, "enabled"), PageRequest.of(cursor, limit));
    }

    @PUT
    @Path("/{provider}")
    @RolesAllowed(Roles.WRITE)
    @Operation(summary = "Create or replace a venue's config for a provider",
            description = "201 when created, 200 when replaced. Settings must match the provider definition (400 with a"
                    + " violation per setting). Send If-Match with the ETag you read to avoid lost updates (412)."
                    + " Credentials are write-only; omit them to keep the stored ones.")
    public Uni<Response> put(@PathParam("venueId") String venueId,
            @Parameter(description = "Provider slug", example = "square") @PathParam("provider") String provider,
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull IntegrationConfigRequest request) {
        return service.put(tenant.id(), tenant.actor(), venue(venueId), Slugs.require(provider, "provider"), request,
                        ETags.expectedVersion(ifMatch))
                .map(stored -> Response.status(stored.created() ? 201 : 200)
                        .tag(ETags.of(stored.config().version()))
                        .entity(stored.config())
                        .build());
    }

    @GET
    @Path("/{provider}")
    @RolesAllowed(Roles.READ)
    @Operation(summary = "Get a venue's config for a provider (masks only)")
    public Uni<Response> get(@PathParam("venueId") String venueId, @PathParam("provider") String provider) {
        return service.get(tenant.id(), venue(venueId), Slugs.require(provider, "provider"))
                .map(found -> Response.ok(found).tag(ETags.of(found.version())).build());
    }

    @DELETE
    @Path("/{provider}")
    @RolesAllowed(Roles.WRITE)
    @Operation(summary = "Delete a venue's config and its encrypted secrets")
    public Uni<Response> delete(@PathParam("venueId") String venueId, @PathParam("provider") String provider) {
        return service.delete(tenant.id(), venue(venueId), Slugs.require(provider, "provider"))
                .map(ignored -> Response.noContent().build());
    }

    @POST
    @Path("/{provider}/enable")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.WRITE)
    @Operation(summary = "Enable a venue's config", description = "Idempotent; settings and secrets are unchanged")
    public Uni<Response> enable(@PathParam("venueId") String venueId, @PathParam("provider") String provider) {
        return setEnabled(venueId, provider, true);
    }

    @POST
    @Path("/{provider}/disable")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.WRITE)
    @Operation(summary = "Disable a venue's config", description = "Idempotent; settings and secrets are kept")
    public Uni<Response> disable(@PathParam("venueId") String venueId, @PathParam("provider") String provider) {
        return setEnabled(venueId, provider, false);
    }

    private Uni<Response> setEnabled(String venueId, String provider, boolean enabled) {
        return service.setEnabled(tenant.id(), venue(venueId), Slugs.require(provider, "provider"), enabled)
                .map(changed -> Response.ok(changed).tag(ETags.of(changed.version())).build());
    }

    private static UUID venue(String venueId) {
        return Ids.parse(venueId, "venueId");
    }

    private static Boolean parseBoolean(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new InvalidRequestException("'" + name + "' must be true or false");
        };
    }
}
