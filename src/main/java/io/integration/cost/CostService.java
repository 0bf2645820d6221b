package io.integration.cost;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.integration.common.Keyset;
import io.integration.common.Page;
import io.integration.common.PageRequest;
import io.integration.tenancy.TenantId;
import io.integration.tenancy.TenantTransactions;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/** Reads the tenant's integration costs: monthly rows (filtered, cursor-paginated) and totals over a month range. */
@ApplicationScoped
public class CostService implements PanacheRepositoryBase<IntegrationCost, UUID> {

    private final TenantTransactions transactions;

    public CostService(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /** Optional filters; {@code from} and {@code to} are inclusive months, null means unbounded. */
    public record Filter(UUID venueId, String provider, YearMonth from, YearMonth to) {
    }

    public Uni<Page<IntegrationCostResponse>> list(TenantId tenant, Filter filter, PageRequest page) {
        Parameters params = Parameters.with("tenant", tenant.value());
        StringBuilder query = new StringBuilder("tenantId = :tenant").append(clauses(filter, params));
        String ordered = Keyset.after(query, params, page);
        return transactions.inTenantTransaction(tenant, () -> Keyset.fetch(find(ordered, params), page))
                .map(rows -> Keyset.page(rows, page, c -> c.id, IntegrationCostResponse::of));
    }

    public Uni<CostSummaryResponse> summary(TenantId tenant, Filter filter) {
        Parameters params = Parameters.with("tenant", tenant.value());
        String hql = "select c.integrationType, c.currency, sum(c.apiCalls), sum(c.cost) from IntegrationCost c"
                + " where c.tenantId = :tenant" + clauses(filter, params)
                + " group by c.integrationType, c.currency order by c.integrationType, c.currency";
        return transactions.inTenantTransaction(tenant, () -> Panache.getSession()
                        .chain(session -> {
                            var query = session.createSelectionQuery(hql, Object[].class);
                            params.map().forEach(query::setParameter);
                            return query.getResultList();
                        }))
                .map(rows -> summarize(filter, rows));
    }

    private static CostSummaryResponse summarize(Filter filter, List<Object[]> rows) {
        List<CostSummaryResponse.ProviderTotal> byProvider = new ArrayList<>();
        Map<String, long[]> calls = new LinkedHashMap<>();
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        for (Object[] row : rows) {
            String currency = ((String) row[1]).strip();
            long apiCalls = ((Number) row[2]).longValue();
            BigDecimal cost = (BigDecimal) row[3];
            byProvider.add(new CostSummaryResponse.ProviderTotal((String) row[0], currency, apiCalls, Money.format(cost)));
            calls.computeIfAbsent(currency, c -> new long[1])[0] += apiCalls;
            amounts.merge(currency, cost, BigDecimal::add);
        }
        List<CostSummaryResponse.CurrencyTotal> byCurrency = amounts.keySet().stream().sorted()
                .map(currency -> new CostSummaryResponse.CurrencyTotal(currency, calls.get(currency)[0],
                        Money.format(amounts.get(currency))))
                .toList();
        return new CostSummaryResponse(filter.from() == null ? null : filter.from().toString(),
                filter.to() == null ? null : filter.to().toString(), byProvider, byCurrency);
    }

    /** HQL conditions of the given filters only (an untyped null parameter is not something PostgreSQL accepts). */
    private static String clauses(Filter filter, Parameters params) {
        StringBuilder clauses = new StringBuilder();
        if (filter.venueId() != null) {
            clauses.append(" and venueId = :venue");
            params.and("venue", filter.venueId());
        }
        if (filter.provider() != null) {
            clauses.append(" and integrationType = :provider");
            params.and("provider", filter.provider());
        }
        if (filter.from() != null) {
            clauses.append(" and periodStart >= :from");
            params.and("from", filter.from().atDay(1));
        }
        if (filter.to() != null) {
            clauses.append(" and periodStart <= :to");
            params.and("to", filter.to().atDay(1));
        }
        return clauses.toString();
    }
}
