package io.integration.catalog;

import java.net.URI;

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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.integration.common.ETags;
import io.integration.common.Enums;
import io.integration.common.Ids;
import io.integration.common.idempotency.Idempotent;
import io.integration.common.idempotency.IdempotencyFilters;
import io.integration.common.Page;
import io.integration.common.PageRequest;
import io.integration.tenancy.CurrentTenant;
import io.integration.tenancy.Roles;
import io.smallrye.mutiny.Uni;

/** REST API of the tenant's integration catalog. */
@Path("/api/v1/integrations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Integrations", description = "The tenant's catalog of integrations")
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@SecurityRequirement(name = "bearer")
public class IntegrationResource {

    private final IntegrationService service;
    private final CurrentTenant tenant;

    public IntegrationResource(IntegrationService service, CurrentTenant tenant) {
        this.service = service;
        this.tenant = tenant;
    }

    @POST
    @RolesAllowed(Roles.WRITE)
    @Idempotent
    @Operation(summary = "Create a catalog entry", description = "409 if the tenant already has this name for this provider."
            + " With an Idempotency-Key, a retry of the same request replays the first response"
            + " (header Idempotent-Replayed: true); the same key with another body is a 422.")
    @Parameter(name = IdempotencyFilters.KEY_HEADER, in = ParameterIn.HEADER, required = false,
            description = "1 to 255 printable characters, unique per request you intend; kept 24 hours",
            schema = @Schema(type = SchemaType.STRING, maxLength = 255))
    public Uni<Response> create(@Valid @NotNull IntegrationRequest request) {
        return service.create(tenant.id(), request)
                .map(created -> Response.created(URI.create("/api/v1/integrations/" + created.id()))
                        .tag(etag(created))
                        .entity(created)
                        .build());
    }

    @GET
    @RolesAllowed(Roles.READ)
    @Operation(summary = "List catalog entries", description = "Cursor-paginated, oldest first; filter by category, provider, status")
    public Uni<Page<IntegrationResponse>> list(
            @Parameter(description = "One of the categories") @QueryParam("category") String category,
            @Parameter(description = "Provider slug") @QueryParam("provider") String provider,
            @Parameter(description = "ACTIVE, INACTIVE or DEPRECATED") @QueryParam("status") String status,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") String limit) {
        IntegrationFilter filter = new IntegrationFilter(
                Enums.parseOptional(IntegrationCategory.class, category, "category"),
                provider == null || provider.isBlank() ? null : provider.strip(),
                Enums.parseOptional(IntegrationStatus.class, status, "status"));
        return service.list(tenant.id(), filter, PageRequest.of(cursor, limit));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.READ)
    @Operation(summary = "Get a catalog entry")
    public Uni<Response> get(@PathParam("id") String id) {
        return service.get(tenant.id(), Ids.parse(id, "id"))
                .map(found -> Response.ok(found).tag(etag(found)).build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.WRITE)
    @Operation(summary = "Replace a catalog entry", description = "Send If-Match with the ETag you read to avoid lost updates (412 if it changed)")
    public Uni<Response> update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull IntegrationRequest request) {
        return service.update(tenant.id(), Ids.parse(id, "id"), request, ETags.expectedVersion(ifMatch))
                .map(updated -> Response.ok(updated).tag(etag(updated)).build());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.WRITE)
    @Operation(summary = "Delete a catalog entry and, by cascade, its connections")
    public Uni<Response> delete(@PathParam("id") String id) {
        return service.delete(tenant.id(), Ids.parse(id, "id"))
                .map(ignored -> Response.noContent().build());
    }

    private static EntityTag etag(IntegrationResponse response) {
        return ETags.of(response.version());
    }
}
