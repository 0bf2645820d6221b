package io.integration.sync.connector;

import java.util.UUID;

import io.integration.tenancy.TenantId;
import io.smallrye.mutiny.Uni;

/**
 * The cost hook: told once per run, succeeded or failed, how many provider API calls the run made. Every CDI bean
 * implementing it is told; an implementation opens its own transaction (e.g. a tenant transaction around the cost
 * recorder). A failing meter is logged and does not fail the run.
 */
public interface ProviderCallMeter {

    Uni<Void> recordProviderCalls(TenantId tenant, UUID venueId, String provider, long calls);
}
