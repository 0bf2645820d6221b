package io.integration.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.integration.provider.ProviderCatalog;
import io.integration.provider.ProviderDefinition;
import io.integration.tenancy.TenantId;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Counts provider API calls and their cost into {@code integration_costs}, per venue, provider and UTC month, inside
 * the caller's tenant transaction. One {@code INSERT … ON CONFLICT … DO UPDATE} adds to the month's row atomically, so
 * concurrent recorders never lose an increment; the price and currency come from the provider definition.
 */
@ApplicationScoped
public class CostRecorder {

    /** Scale of {@code integration_costs.cost} (numeric(14, 6)): each increment is rounded to it, half up. */
    static final int COST_SCALE = 6;
    static final String DEFAULT_CURRENCY = "USD";

    static final String ADD_CALLS = "insert into integration_costs"
            + " (tenant_id, venue_id, integration_type, period_start, period_end, api_calls, cost, currency)"
            + " values (:tenant, :venue, :provider, :periodStart, :periodEnd, :calls, :cost, :currency)"
            + " on conflict (tenant_id, venue_id, integration_type, period_start) do update"
            + " set api_calls = integration_costs.api_calls + excluded.api_calls,"
            + " cost = integration_costs.cost + excluded.cost, updated_at = now()";

    /** {@link #ADD_CALLS} with positional parameters, for worker-pool connections. */
    static final String ADD_CALLS_POSITIONAL = ADD_CALLS.replace(":tenant", "$1").replace(":venue", "$2")
            .replace(":provider", "$3").replace(":periodStart", "$4").replace(":periodEnd", "$5")
            .replace(":calls", "$6").replace(":cost", "$7").replace(":currency", "$8");

    private final ProviderCatalog providers;

    public CostRecorder(ProviderCatalog providers) {
        this.providers = providers;
    }

    /**
     * Adds {@code calls} provider API calls (and calls × the provider's price per call) to the current UTC month of
     * the venue and provider. Must run inside a {@link io.integration.tenancy.TenantTransactions} transaction of
     * {@code tenant}; zero calls write nothing.
     */
    public Uni<Void> record(TenantId tenant, UUID venueId, String provider, long calls) {
        return record(tenant, venueId, provider, calls, Instant.now());
    }

    /** Like {@link #record(TenantId, UUID, String, long)}, for calls made at {@code at} (their UTC month counts). */
    public Uni<Void> record(TenantId tenant, UUID venueId, String provider, long calls, Instant at) {
        if (nothingToRecord(calls)) {
            return Uni.createFrom().voidItem();
        }
        ProviderDefinition.Pricing pricing = providers.require(provider).pricing();
        YearMonth month = YearMonth.from(at.atOffset(ZoneOffset.UTC));
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(ADD_CALLS)
                        .setParameter("tenant", tenant.value())
                        .setParameter("venue", venueId)
                        .setParameter("provider", provider)
                        .setParameter("periodStart", month.atDay(1))
                        .setParameter("periodEnd", month.atEndOfMonth())
                        .setParameter("calls", calls)
                        .setParameter("cost", costOf(pricing, calls))
                        .setParameter("currency", currencyOf(pricing))
                        .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Like {@link #record(TenantId, UUID, String, long)}, on a worker-pool connection inside
     * {@code SystemTransactions.inTenantTransaction(tenant, connection -> ...)} (for work that runs outside a request).
     */
    public Uni<Void> record(SqlConnection connection, TenantId tenant, UUID venueId, String provider, long calls) {
        if (nothingToRecord(calls)) {
            return Uni.createFrom().voidItem();
        }
        ProviderDefinition.Pricing pricing = providers.require(provider).pricing();
        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        return connection.preparedQuery(ADD_CALLS_POSITIONAL)
                .execute(Tuple.from(List.of(tenant.value(), venueId, provider, month.atDay(1), month.atEndOfMonth(),
                        calls, costOf(pricing, calls), currencyOf(pricing))))
                .replaceWithVoid();
    }

    private static boolean nothingToRecord(long calls) {
        if (calls < 0) {
            throw new IllegalArgumentException("calls must not be negative: " + calls);
        }
        return calls == 0;
    }

    static BigDecimal costOf(ProviderDefinition.Pricing pricing, long calls) {
        BigDecimal perCall = pricing == null || pricing.perCall() == null ? BigDecimal.ZERO : pricing.perCall();
        return perCall.multiply(BigDecimal.valueOf(calls)).setScale(COST_SCALE, RoundingMode.HALF_UP);
    }

    static String currencyOf(ProviderDefinition.Pricing pricing) {
        return pricing == null || pricing.currency() == null ? DEFAULT_CURRENCY : pricing.currency();
    }
}
