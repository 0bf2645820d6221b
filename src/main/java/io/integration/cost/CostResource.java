package io.integration.cost;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

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

import io.integration.common.Ids;
import io.integration.common.InvalidRequestException;
import io.integration.common.Page;
import io.integration.common.PageRequest;
import io.integration.common.Slugs;
import io.integration.tenancy.CurrentTenant;
import io.integration.tenancy.Roles;
import io.smallrye.mutiny.Uni;

/** REST API of the tenant's provider API costs per venue, provider and UTC month, and their totals. */
@Path("/api/v1/integration-costs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Telemetry", description = "Integration health and API cost per venue and provider")
@SecurityRequirement(name = "bearer")
public class CostResource {

    private final CostService service;
    private final CurrentTenant tenant;

    public CostResource(CostService service, CurrentTenant tenant) {
        this.service = service;
        this.tenant = tenant;
    }

    @GET
    @RolesAllowed(Roles.READ)
    @Operation(summary = "List monthly integration costs",
            description = "One entry per venue, provider and UTC month: API calls and cost (a decimal string with 6"
                    + " places) in the provider's currency; filter by venueId, provider and the month range [from, to];"
                    + " cursor-paginated, oldest first")
    public Uni<Page<IntegrationCostResponse>> list(@QueryParam("venueId") String venueId,
            @QueryParam("provider") String provider,
            @Parameter(description = "First month included, YYYY-MM") @QueryParam("from") String from,
            @Parameter(description = "Last month included, YYYY-MM") @QueryParam("to") String to,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") String limit) {
        return service.list(tenant.id(), filter(venueId, provider, from, to), PageRequest.of(cursor, limit));
    }

    @GET
    @Path("/summary")
    @RolesAllowed(Roles.READ)
    @Operation(summary = "Total integration costs",
            description = "API calls and cost over the month range [from, to] (both optional), per provider and"
                    + " currency and per currency; amounts are decimal strings with 6 places")
    public Uni<CostSummaryResponse> summary(@QueryParam("venueId") String venueId,
            @QueryParam("provider") String provider,
            @Parameter(description = "First month included, YYYY-MM") @QueryParam("from") String from,
            @Parameter(description = "Last month included, YYYY-MM") @QueryParam("to") String to) {
        return service.summary(tenant.id(), filter(venueId, provider, from, to));
    }

    private static CostService.Filter filter(String venueId, String provider, String from, String to) {
        YearMonth first = month(from, "from");
        YearMonth last = month(to, "to");
        if (first != null && last != null && first.isAfter(last)) {
            throw new InvalidRequestException("'from' (" + first + ") must not be after 'to' (" + last + ")");
        }
        return new CostService.Filter(Ids.parseOptional(venueId, "venueId"),
                provider == null || provider.isBlank() ? null : Slugs.require(provider.strip(), "provider"), first, last);
    }

    private static YearMonth month(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("'" + name + "' must be a month written YYYY-MM, such as 2026-11");
        }
    }
}
