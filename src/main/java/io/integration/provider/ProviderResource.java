package io.integration.provider;

import java.util.List;

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

import io.integration.catalog.IntegrationCategory;
import io.integration.common.Enums;
import io.integration.tenancy.Roles;

/** REST API of the shipped provider definitions (the same for every tenant; they hold no secret). */
@Path("/api/v1/providers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Providers", description = "Supported third-party providers and how to connect to them")
@SecurityRequirement(name = "bearer")
public class ProviderResource {

    private final ProviderCatalog catalog;

    public ProviderResource(ProviderCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @RolesAllowed(Roles.READ)
    @Operation(summary = "List the supported providers",
            description = "The whole catalog in one response (a short, fixed list, so not paginated); filter by category and authMode")
    public List<ProviderDefinition> list(
            @Parameter(description = "One of the integration categories", example = "PAYMENT") @QueryParam("category") String category,
            @Parameter(description = "OAUTH2, API_KEY, BASIC or NONE") @QueryParam("authMode") String authMode) {
        return catalog.list(Enums.parseOptional(IntegrationCategory.class, category, "category"),
                Enums.parseOptional(ProviderDefinition.AuthMode.class, authMode, "authMode"));
    }

    @GET
    @Path("/{slug}")
    @RolesAllowed(Roles.READ)
    @Operation(summary = "Get one provider definition", description = "404 for a slug the service does not support")
    public ProviderDefinition get(@Parameter(description = "Provider slug", example = "stripe") @PathParam("slug") String slug) {
        return catalog.find(slug).orElseThrow(() -> new UnknownProviderException(slug, 404));
    }
}
