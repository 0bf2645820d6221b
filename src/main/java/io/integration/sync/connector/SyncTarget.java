package io.integration.sync.connector;

import java.util.List;
import java.util.UUID;

import io.integration.mapping.MappingDefinition;
import io.integration.provider.ProviderDefinition;
import io.integration.tenancy.TenantId;

/**
 * What a run needs, read in one tenant transaction: the connection (its credential still sealed), the provider's
 * definition with its sync block, the connection's field mappings and the venue's destination.
 */
public record SyncTarget(TenantId tenant, UUID venueId, ProviderDefinition provider, UUID connectionId,
        UUID integrationId, byte[] sealedCredential, List<MappingDefinition> mappings, String destinationUrl) {

    @Override
    public String toString() {
        return "SyncTarget[tenant=" + tenant + ", venue=" + venueId + ", provider=" + provider.slug() + ", connection="
                + connectionId + ", mappings=" + mappings.size() + "]";
    }
}
