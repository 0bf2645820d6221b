package io.integration.sync;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.integration.common.Enums;
import io.integration.common.Ids;
import io.integration.common.InvalidRequestException;
import io.integration.common.Page;
import io.integration.common.PageRequest;
import io.integration.common.Slugs;
import io.integration.common.idempotency.IdempotencyFilters;
import io.integration.common.idempotency.Idempotent;
import io.integration.provider.ProviderCatalog;
import io.integration.tenancy.CurrentTenant;
import io.integration.tenancy.Roles;
import io.smallrye.mutiny.Uni;

/**
 * REST API of sync jobs: the tenant's enqueue / list / get / cancel, and the external workers' claim / heartbeat /
 * complete / fail (role system, across tenants). One root class, because JAX-RS matches the longest literal root path
 * without backtracking: {@code /claim} and {@code /{id}/...} must live beside {@code /{id}}.
 */
@Path("/api/v1/sync-jobs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sync jobs", description = "The sync queue: tenants enqueue and follow jobs, workers claim and report them")
@SecurityRequirement(name = "bearer")
public class SyncJobResource {

    private final SyncJobService service;
    private final SyncQueue queue;
    private final ProviderCatalog providers;
    private final SyncConfig config;
    private final CurrentTenant tenant;

    public SyncJobResource(SyncJobService service, SyncQueue queue, ProviderCatalog providers, SyncConfig config,
            CurrentTenant tenant) {
        this.service = service;
        this.queue = queue;
        this.providers = providers;
        this.config = config;
        this.tenant = tenant;
    }

    @POST
    @RolesAllowed(Roles.WRITE)
    @Idempotent
    @Operation(summary = "Enqueue a sync job", description = "FULL, INCREMENTAL or WEBHOOK for a venue and provider, due now."
            + " At most one job per venue and provider runs at a time; the others wait. With an Idempotency-Key, a retry"
            + " replays the first response instead of enqueueing twice.")
    @Parameter(name = IdempotencyFilters.KEY_HEADER, in = ParameterIn.HEADER, required = false,
            description = "1 to 255 printable characters, unique per request you intend; kept 24 hours",
            schema = @Schema(type = SchemaType.STRING, maxLength = 255))
    public Uni<Response> enqueue(@Valid @NotNull SyncJobRequest request) {
        return service.enqueue(tenant.id(), request)
                .map(created -> Response.created(URI.create("/api/v1/sync-jobs/" + created.id())).entity(created).build());
    }

    @GET
    @RolesAllowed(Roles.READ)
    @Operation(summary = "List sync jobs", description = "Cursor-paginated, oldest first; filter by venue, provider, status, sync type")
    public Uni<Page<SyncJobResponse>> list(@QueryParam("venueId") String venueId,
            @Parameter(description = "Provider slug") @QueryParam("provider") String provider,
            @Parameter(description = "PENDING, RUNNING, SUCCEEDED, DEAD or CANCELLED") @QueryParam("status") String status,
            @Parameter(description = "FULL, INCREMENTAL or WEBHOOK") @QueryParam("syncType") String syncType,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") String limit) {
        SyncJobFilter filter = new SyncJobFilter(Ids.parseOptional(venueId, "venueId"), optionalSlug(provider),
                Enums.parseOptional(SyncJobStatus.class, status, "status"),
                Enums.parseOptional(SyncType.class, syncType, "syncType"));
        return service.list(tenant.id(), filter, PageRequest.of(cursor, limit));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.READ)
    @Operation(summary = "Get a sync job", description = "Its state, attempts, lease, last progress and last error")
    public Uni<SyncJobResponse> get(@PathParam("id") String id) {
        return service.get(tenant.id(), Ids.parse(id, "id"));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.WRITE)
    @Operation(summary = "Cancel a sync job", description = "A waiting job is cancelled; a running one too, and its worker"
            + " loses the lease (its later complete or fail gets 409). A finished job answers 409.")
    public Uni<SyncJobResponse> cancel(@PathParam("id") String id) {
        return service.cancel(tenant.id(), Ids.parse(id, "id"));
    }

    @POST
    @Path("/claim")
    @RolesAllowed(Roles.SYSTEM)
    @Operation(summary = "Claim due jobs (workers)", description = "Leases up to 'limit' due jobs of the given providers,"
            + " across tenants, to the worker: at most one running job per venue and provider. Each comes with the"
            + " incremental cursor of the last successful sync. An empty list means nothing is due. Expired leases are"
            + " returned to the queue first.")
    public Uni<SyncWorkerRequests.Claimed> claim(@Valid @NotNull SyncWorkerRequests.Claim request) {
        List<String> slugs = request.providers().stream().map(String::strip).distinct().toList();
        slugs.forEach(providers::require);
        int limit = request.limit() == null ? 1 : request.limit();
        return queue.claim(request.workerId(), slugs, limit, lease(request.leaseSeconds()))
                .map(SyncWorkerRequests.Claimed::new);
    }

    @POST
    @Path("/{id}/heartbeat")
    @RolesAllowed(Roles.SYSTEM)
    @Operation(summary = "Extend a lease and report progress (workers)", description = "409 if the worker no longer holds the"
            + " lease (expired, cancelled, or claimed by another worker): stop working on the job.")
    public Uni<SyncWorkerRequests.Lease> heartbeat(@PathParam("id") String id,
            @Valid @NotNull SyncWorkerRequests.Heartbeat request) {
        var jobId = Ids.parse(id, "id");
        return queue.heartbeat(jobId, request.workerId(), lease(request.leaseSeconds()), request.progress())
                .map(expires -> new SyncWorkerRequests.Lease(jobId, expires));
    }

    @POST
    @Path("/{id}/complete")
    @RolesAllowed(Roles.SYSTEM)
    @Operation(summary = "Complete a job (workers)", description = "Records the counts and the new cursor. Idempotent: the"
            + " same worker completing again gets the same attempt; another worker or a lost lease gets 409.")
    public Uni<SyncAttemptResponse> complete(@PathParam("id") String id,
            @Valid @NotNull SyncWorkerRequests.Complete request) {
        return queue.complete(Ids.parse(id, "id"), request.workerId(), request.counts(), request.cursor());
    }

    @POST
    @Path("/{id}/fail")
    @RolesAllowed(Roles.SYSTEM)
    @Operation(summary = "Fail a job's attempt (workers)", description = "Retryable: back to the queue after an exponential"
            + " backoff with jitter while attempts remain, else DEAD; not retryable: DEAD now. 409 without the lease.")
    public Uni<SyncAttemptResponse> fail(@PathParam("id") String id, @Valid @NotNull SyncWorkerRequests.Fail request) {
        return queue.fail(Ids.parse(id, "id"), request.workerId(), SyncCounts.NONE, request.error(), request.retryable());
    }

    private Duration lease(Integer seconds) {
        if (seconds == null) {
            return config.lease();
        }
        Duration lease = Duration.ofSeconds(seconds);
        if (lease.compareTo(config.maxLease()) > 0) {
            throw new InvalidRequestException("'leaseSeconds' must be at most " + config.maxLease().toSeconds());
        }
        return lease;
    }

    private static String optionalSlug(String value) {
        return value == null || value.isBlank() ? null : Slugs.require(value.strip(), "provider");
    }
}
