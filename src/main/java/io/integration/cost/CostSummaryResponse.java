package io.integration.cost;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Totals of a month range: per provider and currency, and per currency (amounts of different currencies never add). */
@Schema(name = "IntegrationCostSummary")
public record CostSummaryResponse(
        @Schema(description = "First month included, YYYY-MM (null: from the first)") String from,
        @Schema(description = "Last month included, YYYY-MM (null: to the last)") String to,
        List<ProviderTotal> byProvider, List<CurrencyTotal> byCurrency) {

    /** API calls and cost of one provider in one currency. */
    @Schema(name = "IntegrationCostProviderTotal")
    public record ProviderTotal(String provider, String currency, long apiCalls,
            @Schema(description = "Exact decimal string, 6 places", examples = "1.250000") String cost) {
    }

    /** API calls and cost of every provider billed in one currency. */
    @Schema(name = "IntegrationCostCurrencyTotal")
    public record CurrencyTotal(String currency, long apiCalls,
            @Schema(description = "Exact decimal string, 6 places", examples = "1.250000") String cost) {
    }
}
