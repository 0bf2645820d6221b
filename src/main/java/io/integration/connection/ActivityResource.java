package io.integration.connection;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.integration.common.Enums;
import io.integration.common.Ids;
import io.integration.common.Page;
import io.integration.common.PageRequest;
import io.integration.tenancy.CurrentTenant;
import io.integration.tenancy.Roles;
import io.smallrye.mutiny.Uni;

/** REST API of the tenant's activity log. */
@Path("/api/v1/activity")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Activity log", description = "Connect, disconnect, test, reveal and rotation events with their actor")
@SecurityRequirement(name = "bearer")
public class ActivityResource {

    private final ActivityLogQuery activity;
    private final CurrentTenant tenant;

    public ActivityResource(ActivityLogQuery activity, CurrentTenant tenant) {
        this.activity = activity;
        this.tenant = tenant;
    }

    @GET
    @RolesAllowed(Roles.READ)
    @Operation(summary = "The tenant's activity log, newest first", description = "Filter by integrationId, connectionId, action; cursor-paginated")
    public Uni<Page<ActivityLogEntryResponse>> activity(@QueryParam("integrationId") String integrationId,
            @QueryParam("connectionId") String connectionId, @QueryParam("action") String action,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        return activity.list(tenant.id(), Ids.parseOptional(integrationId, "integrationId"),
                Ids.parseOptional(connectionId, "connectionId"), Enums.parseOptional(ActivityAction.class, action, "action"),
                PageRequest.of(cursor, limit));
    }
}
