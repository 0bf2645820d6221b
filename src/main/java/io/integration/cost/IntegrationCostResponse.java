package io.integration.cost;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One venue's provider API calls and cost in one UTC month; money is a decimal string (exact, 6 places). */
@Schema(name = "IntegrationCost")
public record IntegrationCostResponse(UUID id, UUID venueId, String provider,
        @Schema(description = "The UTC month, YYYY-MM", examples = "2026-11") String period,
        LocalDate periodStart, LocalDate periodEnd, long apiCalls,
        @Schema(description = "Exact decimal string with 6 decimal places (never a binary float)", examples = "0.000700")
        String cost,
        @Schema(description = "ISO 4217 code from the provider's pricing", examples = "USD") String currency,
        Instant updatedAt) {

    static IntegrationCostResponse of(IntegrationCost cost) {
        return new IntegrationCostResponse(cost.id, cost.venueId, cost.integrationType,
                YearMonth.from(cost.periodStart).toString(), cost.periodStart, cost.periodEnd, cost.apiCalls,
                Money.format(cost.cost), cost.currency.strip(), cost.updatedAt);
    }
}
