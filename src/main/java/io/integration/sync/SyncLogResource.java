package io.integration.sync;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.integration.common.Enums;
import io.integration.common.Ids;
import io.integration.common.Page;
import io.integration.common.PageRequest;
import io.integration.common.Slugs;
import io.integration.tenancy.CurrentTenant;
import io.integration.tenancy.Roles;
import io.smallrye.mutiny.Uni;

/** REST API of the tenant's sync history: one entry per finished attempt. */
@Path("/api/v1/sync-logs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sync jobs")
@SecurityRequirement(name = "bearer")
public class SyncLogResource {

    private final SyncJobService service;
    private final CurrentTenant tenant;

    public SyncLogResource(SyncJobService service, CurrentTenant tenant) {
        this.service = service;
        this.tenant = tenant;
    }

    @GET
    @RolesAllowed(Roles.READ)
    @Operation(summary = "List sync attempts", description = "One entry per finished attempt (started/finished, record counts,"
            + " error, worker); cursor-paginated, oldest first; filter by venue, provider, job, status")
    public Uni<Page<SyncLogResponse>> list(@QueryParam("venueId") String venueId,
            @Parameter(description = "Provider slug") @QueryParam("provider") String provider,
            @QueryParam("jobId") String jobId,
            @Parameter(description = "SUCCEEDED, FAILED or CANCELLED") @QueryParam("status") String status,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") String limit) {
        SyncLogFilter filter = new SyncLogFilter(Ids.parseOptional(venueId, "venueId"),
                provider == null || provider.isBlank() ? null : Slugs.require(provider.strip(), "provider"),
                Ids.parseOptional(jobId, "jobId"), Enums.parseOptional(SyncLogStatus.class, status, "status"));
        return service.history(tenant.id(), filter, PageRequest.of(cursor, limit));
    }
}
