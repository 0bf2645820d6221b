package io.integration.connection;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.integration.common.Cursor;
import io.integration.common.Page;
import io.integration.common.PageRequest;
import io.integration.tenancy.TenantId;
import io.integration.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;

/** Reads the tenant's activity log, newest first, with filters and a cursor. */
@ApplicationScoped
public class ActivityLogQuery {

    private final ActivityLog activityLog;
    private final TenantTransactions transactions;

    public ActivityLogQuery(ActivityLog activityLog, TenantTransactions transactions) {
        this.activityLog = activityLog;
        this.transactions = transactions;
    }

    public Uni<Page<ActivityLogEntryResponse>> list(TenantId tenant, UUID integrationId, UUID connectionId,
            ActivityAction action, PageRequest page) {
        PageRequest probe = new PageRequest(page.after(), page.limit() + 1);
        return transactions.inTenantTransaction(tenant,
                        () -> activityLog.listForTenant(tenant, integrationId, connectionId, action, probe))
                .map(rows -> {
                    boolean more = rows.size() > page.limit();
                    List<ActivityLogEntry> items = more ? rows.subList(0, page.limit()) : rows;
                    ActivityLogEntry last = items.isEmpty() ? null : items.get(items.size() - 1);
                    return new Page<>(items.stream().map(ActivityLogEntryResponse::of).toList(),
                            more ? new Cursor(last.createdAt, last.id).encode() : null);
                });
    }
}
