package io.integration.webhook;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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

import io.integration.common.Ids;
import io.integration.common.InvalidRequestException;
import io.integration.common.Page;
import io.integration.common.PageRequest;
import io.integration.common.Slugs;
import io.integration.tenancy.CurrentTenant;
import io.integration.tenancy.Roles;
import io.smallrye.mutiny.Uni;

/** REST API of the tenant's webhook events: list and filter (dead ones included), read, replay. */
@Path("/api/v1/webhook-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
@SecurityRequirement(name = "bearer")
public class WebhookEventResource {

    private static final Set<String> STATUSES = Set.of("PENDING", "PROCESSING", "DELIVERED", "DEAD");

    private final WebhookEventService service;
    private final CurrentTenant tenant;

    public WebhookEventResource(WebhookEventService service, CurrentTenant tenant) {
        this.service = service;
        this.tenant = tenant;
    }

    @GET
    @RolesAllowed(Roles.READ)
    @Operation(summary = "List webhook events", description = "Filter by provider, status (DEAD lists the dead events) and received time range [from, to); cursor-paginated")
    public Uni<Page<WebhookEventResponse>> list(@QueryParam("provider") String provider,
            @Parameter(description = "PENDING, PROCESSING, DELIVERED or DEAD") @QueryParam("status") String status,
            @Parameter(description = "ISO-8601 instant, inclusive") @QueryParam("from") String from,
            @Parameter(description = "ISO-8601 instant, exclusive") @QueryParam("to") String to,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        return service.list(tenant.id(), filter(provider, status, from, to), PageRequest.of(cursor, limit));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.READ)
    @Operation(summary = "Get a webhook event")
    public Uni<WebhookEventResponse> get(@PathParam("id") String id) {
        return service.get(tenant.id(), Ids.parse(id, "id"));
    }

    @POST
    @Path("/{id}/replay")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.WRITE)
    @Operation(summary = "Replay one event: back in the queue, due now, attempts reset", description = "409 while it is being processed")
    public Uni<Response> replay(@PathParam("id") String id) {
        return service.replay(tenant.id(), Ids.parse(id, "id")).map(event -> Response.accepted(event).build());
    }

    @POST
    @Path("/replay")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.WRITE)
    @Operation(summary = "Replay every event matching the filters (e.g. status=DEAD&provider=stripe)")
    public Uni<Response> replayMatching(@QueryParam("provider") String provider, @QueryParam("status") String status,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return service.replayMatching(tenant.id(), filter(provider, status, from, to))
                .map(count -> Response.accepted(Map.of("replayed", count)).build());
    }

    private static WebhookEventFilter filter(String provider, String status, String from, String to) {
        String normalized = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        if (normalized != null && !STATUSES.contains(normalized)) {
            throw new InvalidRequestException("'status' must be one of " + STATUSES);
        }
        return new WebhookEventFilter(provider == null || provider.isBlank() ? null : Slugs.require(provider.strip(), "provider"),
                normalized, instant(from, "from"), instant(to, "to"));
    }

    private static Instant instant(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("'" + name + "' must be an ISO-8601 instant such as 2026-11-23T10:00:00Z");
        }
    }
}
