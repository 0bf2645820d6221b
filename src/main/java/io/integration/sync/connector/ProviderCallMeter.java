package io.integration.sync.connector;

import java.util.UUID;

import io.integration.tenancy.TenantId;
import io.smallrye.mutiny.Uni;

/**
 * The cost hook: told once per run, succeeded or failed, how many provider API calls the run made. Every CDI bean
 * implementing it is told; an implementation opens its own transaction, e.g. {@code TenantTransactions} around the
 * cost recorder. Panache work there needs the run to be subscribed on a safe duplicated Vert.x context (a
 * {@code @Scheduled} method, or {@code VertxContextSupport.subscribeAndAwait}); otherwise use a worker-pool
 * transaction. A failing meter is logged and does not fail the run.
 */
public interface ProviderCallMeter {

    Uni<Void> recordProviderCalls(TenantId tenant, UUID venueId, String provider, long calls);
}
