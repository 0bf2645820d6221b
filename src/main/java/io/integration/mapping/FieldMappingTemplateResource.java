package io.integration.mapping;

import java.net.URI;
import java.util.regex.Pattern;

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
import io.integration.common.idempotency.Idempotent;
import io.integration.tenancy.CurrentTenant;
import io.integration.tenancy.Roles;
import io.smallrye.mutiny.Uni;

/** REST API of the tenant's field mapping templates, and applying one to a connection. */
@Path("/api/v1/field-mapping-templates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Field mapping templates", description = "Reusable sets of field mappings per integration type")
@SecurityRequirement(name = "bearer")
public class FieldMappingTemplateResource {

    private static final String PATH = "/api/v1/field-mapping-templates";
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,63}$");

    private final FieldMappingTemplateService service;
    private final TemplateApplicationService application;
    private final CurrentTenant tenant;

    public FieldMappingTemplateResource(FieldMappingTemplateService service, TemplateApplicationService application,
            CurrentTenant tenant) {
        this.service = service;
        this.application = application;
        this.tenant = tenant;
    }

    @POST
    @RolesAllowed(Roles.WRITE)
    @Idempotent
    @Operation(summary = "Create a field mapping template",
            description = "Every rule is validated like a field mapping (400 names e.g. mappings[2].transformConfig.value);"
                    + " 409 if the tenant already has this name for this integration type")
    public Uni<Response> create(@Valid @NotNull FieldMappingTemplateRequest request) {
        return service.create(tenant.id(), request)
                .map(created -> Response.created(URI.create(PATH + "/" + created.id()))
                        .tag(ETags.of(created.version()))
                        .entity(created)
                        .build());
    }

    @GET
    @RolesAllowed(Roles.READ)
    @Operation(summary = "List field mapping templates", description = "Cursor-paginated, oldest first; filter by integrationType")
    public Uni<Page<FieldMappingTemplateResponse>> list(
            @Parameter(description = "Provider slug, e.g. hubspot") @QueryParam("integrationType") String integrationType,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") String limit) {
        return service.list(tenant.id(), slugOrNull(integrationType), PageRequest.of(cursor, limit));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.READ)
    @Operation(summary = "Get a field mapping template")
    public Uni<Response> get(@PathParam("id") String id) {
        return service.get(tenant.id(), Ids.parse(id, "id"))
                .map(found -> Response.ok(found).tag(ETags.of(found.version())).build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.WRITE)
    @Operation(summary = "Replace a field mapping template",
            description = "Send If-Match with the ETag you read to avoid lost updates (412 if it changed)."
                    + " Connections the template was applied to keep their mappings")
    public Uni<Response> update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull FieldMappingTemplateRequest request) {
        return service.update(tenant.id(), Ids.parse(id, "id"), request, ETags.expectedVersion(ifMatch))
                .map(updated -> Response.ok(updated).tag(ETags.of(updated.version())).build());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.WRITE)
    @Operation(summary = "Delete a field mapping template",
            description = "Mappings created from it stay on their connections; If-Match is honoured when sent")
    public Uni<Response> delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return service.delete(tenant.id(), Ids.parse(id, "id"), ETags.expectedVersion(ifMatch))
                .map(ignored -> Response.noContent().build());
    }

    @POST
    @Path("/{id}/apply")
    @RolesAllowed(Roles.WRITE)
    @Operation(summary = "Apply a template to a connection",
            description = "In one transaction: creates the template's mappings on the connection, replacing existing"
                    + " mappings of the same sourceField/targetField (never duplicating them); other mappings are kept."
                    + " 409 if the connection is of another integration type")
    public Uni<AppliedTemplateResponse> apply(@PathParam("id") String id, @Valid @NotNull ApplyTemplateRequest request) {
        return application.apply(tenant.id(), Ids.parse(id, "id"), request.connectionId());
    }

    private static String slugOrNull(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String slug = value.strip();
        if (!SLUG.matcher(slug).matches()) {
            throw new InvalidRequestException("'integrationType' must be a lowercase provider slug");
        }
        return slug;
    }
}
