package io.integration.webhook;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.integration.common.Keyset;
import io.integration.common.Page;
import io.integration.common.PageRequest;
import io.integration.common.ResourceNotFoundException;
import io.integration.tenancy.TenantId;
import io.integration.tenancy.TenantTransactions;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/** Lists, reads and replays the tenant's webhook events (queue rows joined with what was received). */
@ApplicationScoped
public class WebhookEventService implements PanacheRepositoryBase<WebhookEvent, UUID> {


    private final InboundWebhookRepository inbound;
    private final TenantTransactions transactions;

    public WebhookEventService(InboundWebhookRepository inbound, TenantTransactions transactions) {
        this.inbound = inbound;
        this.transactions = transactions;
    }

    public Uni<Page<WebhookEventResponse>> list(TenantId tenant, WebhookEventFilter filter, PageRequest page) {
        Parameters params = Parameters.with("tenant", tenant.value());
        StringBuilder query = new StringBuilder("from WebhookEvent e where e.tenantId = :tenant")
                .append(filterClauses(filter, params, "e."));
        String ordered = Keyset.after(query, params, page);
        return transactions.inTenantTransaction(tenant, () -> Keyset.fetch(find(ordered, params), page)
                        .chain(rows -> withInbound(tenant, rows)))
                .map(pair -> Keyset.page(pair.events(), page, e -> e.id,
                        e -> WebhookEventResponse.of(e, pair.inbound().get(e.integrationWebhookId))));
    }

    public Uni<WebhookEventResponse> get(TenantId tenant, UUID id) {
        return transactions.inTenantTransaction(tenant, () -> require(tenant, id)
                .chain(event -> withInbound(tenant, List.of(event))
                        .map(pair -> WebhookEventResponse.of(event, pair.inbound().get(event.integrationWebhookId)))));
    }

    /** Puts one event back in the queue, due now, with its attempts reset. */
    public Uni<WebhookEventResponse> replay(TenantId tenant, UUID id) {
        return transactions.inTenantTransaction(tenant, () -> require(tenant, id)
                .invoke(WebhookEventService::requeue)
                .call(this::flush)
                .chain(event -> withInbound(tenant, List.of(event))
                        .map(pair -> WebhookEventResponse.of(event, pair.inbound().get(event.integrationWebhookId)))));
    }

    /** Puts every event matching the filter (e.g. status DEAD) back in the queue; returns how many. */
    public Uni<Integer> replayMatching(TenantId tenant, WebhookEventFilter filter) {
        Parameters params = Parameters.with("tenant", tenant.value()).and("now", Instant.now().truncatedTo(ChronoUnit.MICROS));
        String where = filterClauses(filter, params, "");
        return transactions.inTenantTransaction(tenant, () -> update("status = 'PENDING', attempts = 0,"
                + " nextAttemptAt = :now, lastError = null, leaseOwner = null, leaseExpiresAt = null, updatedAt = :now"
                + " where tenantId = :tenant and status <> 'PROCESSING'" + where, params));
    }

    private Uni<WebhookEvent> require(TenantId tenant, UUID id) {
        return find("tenantId = :tenant and id = :id", Parameters.with("tenant", tenant.value()).and("id", id))
                .firstResult()
                .onItem().ifNull().failWith(() -> new ResourceNotFoundException("webhook event", id));
    }

    private record WithInbound(List<WebhookEvent> events, Map<UUID, InboundWebhook> inbound) {
    }

    private Uni<WithInbound> withInbound(TenantId tenant, List<WebhookEvent> events) {
        List<UUID> ids = events.stream().map(e -> e.integrationWebhookId).filter(java.util.Objects::nonNull).toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(new WithInbound(events, Map.of()));
        }
        return inbound.find("tenantId = ?1 and id in ?2", tenant.value(), ids).list()
                .map(rows -> {
                    Map<UUID, InboundWebhook> byId = new HashMap<>();
                    rows.forEach(row -> byId.put(row.id, row));
                    return new WithInbound(events, byId);
                });
    }

    private static void requeue(WebhookEvent event) {
        if ("PROCESSING".equals(event.status)) {
            throw new io.integration.common.ConflictException("webhook event " + event.id + " is being processed; retry later");
        }
        event.status = "PENDING";
        event.attempts = 0;
        event.nextAttemptAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        event.lastError = null;
    }

    /** The HQL conditions of the given filters only (an untyped null parameter is not something PostgreSQL accepts). */
    private static String filterClauses(WebhookEventFilter filter, Parameters params, String alias) {
        StringBuilder clauses = new StringBuilder();
        if (filter.provider() != null) {
            clauses.append(" and exists (select 1 from InboundWebhook w where w.id = ").append(alias)
                    .append("integrationWebhookId and w.integrationType = :provider)");
            params.and("provider", filter.provider());
        }
        if (filter.status() != null) {
            clauses.append(" and ").append(alias).append("status = :status");
            params.and("status", filter.status());
        }
        if (filter.from() != null) {
            clauses.append(" and ").append(alias).append("createdAt >= :from");
            params.and("from", filter.from());
        }
        if (filter.to() != null) {
            clauses.append(" and ").append(alias).append("createdAt < :to");
            params.and("to", filter.to());
        }
        return clauses.toString();
    }
}
