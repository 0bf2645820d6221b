package io.integration.mapping;

import java.net.URI;
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
import io.integration.common.Enums;
import io.integration.common.Ids;
import io.integration.common.Page;
import io.integration.common.PageRequest;
import io.integration.common.idempotency.Idempotent;
import io.integration.tenancy.CurrentTenant;
import io.integration.tenancy.Roles;
import io.smallrye.mutiny.Uni;

/** REST API of a connection's field mappings. */
@Path("/api/v1/connections/{connectionId}/field-mappings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Field mappings", description = "Per connection: which source field goes to which target field, and how it is transformed")
@SecurityRequirement(name = "bearer")
public class FieldMappingResource {

    private final FieldMappingService service;
    private final CurrentTenant tenant;

    public FieldMappingResource(FieldMappingService service, CurrentTenant tenant) {
        this.service = service;
        this.tenant = tenant;
    }

    @POST
    @RolesAllowed(Roles.WRITE)
    @Idempotent
    @Operation(summary = "Add a field mapping to a connection",
            description = "The transform's config is validated (400 names the field, e.g. transformConfig.inputFormat);"
                    + " 409 if the connection already maps this sourceField to this targetField")
    public Uni<Response> create(@PathParam("connectionId") String connectionId,
            @Valid @NotNull MappingDefinition definition) {
        UUID connection = Ids.parse(connectionId, "connectionId");
        return service.create(tenant.id(), connection, definition)
                .map(created -> Response.created(URI.create(path(connection) + "/" + created.id()))
                        .tag(ETags.of(created.version()))
                        .entity(created)
                        .build());
    }

    @POST
    @Path("/preview")
    @RolesAllowed(Roles.READ)
    @Operation(summary = "Preview a connection's field mappings on a sample record",
            description = "Applies the stored rules, in position order, to {record} and returns the mapped record and"
                    + " one error per failed rule ({field, message}); nothing is stored. 404 for an unknown connection")
    public Uni<FieldMappingPreviewResponse> preview(@PathParam("connectionId") String connectionId,
            @Valid @NotNull FieldMappingPreviewRequest request) {
        return service.preview(tenant.id(), Ids.parse(connectionId, "connectionId"), request.record());
    }

    @GET
    @RolesAllowed(Roles.READ)
    @Operation(summary = "List a connection's field mappings", description = "Cursor-paginated, oldest first; filter by transform")
    public Uni<Page<FieldMappingResponse>> list(@PathParam("connectionId") String connectionId,
            @Parameter(description = "One of the transforms, e.g. LOOKUP") @QueryParam("transform") String transform,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") String limit) {
        UUID connection = Ids.parse(connectionId, "connectionId");
        return service.list(tenant.id(), connection, Enums.parseOptional(FieldTransform.class, transform, "transform"),
                PageRequest.of(cursor, limit));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.READ)
    @Operation(summary = "Get a field mapping")
    public Uni<Response> get(@PathParam("connectionId") String connectionId, @PathParam("id") String id) {
        UUID connection = Ids.parse(connectionId, "connectionId");
        return service.get(tenant.id(), connection, Ids.parse(id, "id"))
                .map(found -> Response.ok(found).tag(ETags.of(found.version())).build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.WRITE)
    @Operation(summary = "Replace a field mapping",
            description = "Send If-Match with the ETag you read to avoid lost updates (412 if it changed);"
                    + " a missing position keeps the current one")
    public Uni<Response> update(@PathParam("connectionId") String connectionId, @PathParam("id") String id,
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull MappingDefinition definition) {
        UUID connection = Ids.parse(connectionId, "connectionId");
        return service.update(tenant.id(), connection, Ids.parse(id, "id"), definition, ETags.expectedVersion(ifMatch))
                .map(updated -> Response.ok(updated).tag(ETags.of(updated.version())).build());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.WRITE)
    @Operation(summary = "Delete a field mapping", description = "If-Match is honoured when sent (412 if it changed)")
    public Uni<Response> delete(@PathParam("connectionId") String connectionId, @PathParam("id") String id,
            @HeaderParam("If-Match") String ifMatch) {
        UUID connection = Ids.parse(connectionId, "connectionId");
        return service.delete(tenant.id(), connection, Ids.parse(id, "id"), ETags.expectedVersion(ifMatch))
                .map(ignored -> Response.noContent().build());
    }

    private static String path(UUID connectionId) {
        return "/api/v1/connections/" + connectionId + "/field-mappings";
    }
}
