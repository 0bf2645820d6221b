package io.integration.catalog;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.integration.common.DatabaseErrors;
import io.integration.common.Keyset;
import io.integration.common.Page;
import io.integration.common.PageRequest;
import io.integration.common.PreconditionFailedException;
import io.integration.provider.ProviderCatalog;
import io.integration.tenancy.TenantId;
import io.integration.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;

/** The tenant's catalog: rules and transactions of the integrations feature. */
@ApplicationScoped
public class IntegrationService {

    private final IntegrationRepository repository;
    private final TenantTransactions transactions;
    private final ProviderCatalog providers;

    public IntegrationService(IntegrationRepository repository, TenantTransactions transactions,
            ProviderCatalog providers) {
        this.repository = repository;
        this.transactions = transactions;
        this.providers = providers;
    }

    /** Creates the entry; a provider slug without a shipped definition is a 400 naming it. */
    public Uni<IntegrationResponse> create(TenantId tenant, IntegrationRequest request) {
        Integration entity = new Integration();
        entity.id = UUID.randomUUID();
        entity.tenantId = tenant.value();
        IntegrationMapper.apply(request, entity);
        return requireProvider(request)
                .chain(() -> transactions.inTenantTransaction(tenant, () -> repository.persistAndFlush(entity)))
                .map(this::toResponse)
                .onFailure(DatabaseErrors::isUniqueViolation)
                .transform(e -> new DuplicateIntegrationException(entity.name, entity.provider));
    }

    public Uni<IntegrationResponse> get(TenantId tenant, UUID id) {
        return transactions.inTenantTransaction(tenant, () -> requireExisting(tenant, id))
                .map(this::toResponse);
    }

    public Uni<Page<IntegrationResponse>> list(TenantId tenant, IntegrationFilter filter, PageRequest page) {
        return transactions.inTenantTransaction(tenant, () -> repository.listForTenant(tenant, filter, page))
                .map(rows -> Keyset.page(rows, page, i -> i.id, this::toResponse));
    }

    /** Replaces the entry; {@code expectedVersion} (from If-Match) is checked when given. */
    public Uni<IntegrationResponse> update(TenantId tenant, UUID id, IntegrationRequest request, Long expectedVersion) {
        return requireProvider(request)
                .chain(() -> transactions.inTenantTransaction(tenant, () -> requireExisting(tenant, id)
                        .invoke(entity -> {
                            if (expectedVersion != null && expectedVersion != entity.version) {
                                throw new PreconditionFailedException("integration", id, entity.version);
                            }
                            IntegrationMapper.apply(request, entity);
                        })
                        .call(repository::flush)))
                .map(this::toResponse)
                .onFailure(DatabaseErrors::isUniqueViolation)
                .transform(e -> new DuplicateIntegrationException(request.name().strip(), request.provider()));
    }

    public Uni<Void> delete(TenantId tenant, UUID id) {
        return transactions.inTenantTransaction(tenant, () -> requireExisting(tenant, id)
                .call(repository::delete))
                .replaceWithVoid();
    }

    private Uni<Integration> requireExisting(TenantId tenant, UUID id) {
        return repository.findForTenant(tenant, id)
                .onItem().ifNull().failWith(() -> new IntegrationNotFoundException(id));
    }

    /** Checked before any transaction: the slug must name a shipped provider definition (else 400 naming it). */
    private Uni<Void> requireProvider(IntegrationRequest request) {
        return Uni.createFrom().item(() -> providers.require(request.provider()))
                .replaceWithVoid();
    }

    private IntegrationResponse toResponse(Integration entity) {
        return IntegrationMapper.toResponse(entity, providers.find(entity.provider));
    }
}
