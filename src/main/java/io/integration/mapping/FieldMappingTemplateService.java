package io.integration.mapping;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.integration.common.DatabaseErrors;
import io.integration.common.Keyset;
import io.integration.common.Page;
import io.integration.common.PageRequest;
import io.integration.common.PreconditionFailedException;
import io.integration.tenancy.TenantId;
import io.integration.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;

/** The tenant's mapping templates: rules and transactions of the template CRUD (applying one: TemplateApplicationService). */
@ApplicationScoped
public class FieldMappingTemplateService {

    /** Partial unique index of V5: one default template per (tenant, integration type). */
    static final String DEFAULT_INDEX = "field_mapping_templates_default_key";

    private final FieldMappingTemplateRepository repository;
    private final TenantTransactions transactions;

    public FieldMappingTemplateService(FieldMappingTemplateRepository repository, TenantTransactions transactions) {
        this.repository = repository;
        this.transactions = transactions;
    }

    public Uni<FieldMappingTemplateResponse> create(TenantId tenant, FieldMappingTemplateRequest request) {
        FieldMappingTemplate entity = new FieldMappingTemplate();
        entity.id = UUID.randomUUID();
        entity.tenantId = tenant.value();
        FieldMappingTemplateMapper.apply(request, entity);
        return transactions.inTenantTransaction(tenant, () -> clearOtherDefaults(tenant, entity)
                        .chain(() -> repository.persistAndFlush(entity)))
                .map(FieldMappingTemplateMapper::toResponse)
                .onFailure(DatabaseErrors::isUniqueViolation)
                .transform(e -> conflict(e, entity.name, entity.integrationType));
    }

    public Uni<FieldMappingTemplateResponse> get(TenantId tenant, UUID id) {
        return transactions.inTenantTransaction(tenant, () -> requireExisting(tenant, id))
                .map(FieldMappingTemplateMapper::toResponse);
    }

    public Uni<Page<FieldMappingTemplateResponse>> list(TenantId tenant, String integrationType, PageRequest page) {
        return transactions.inTenantTransaction(tenant, () -> repository.listForTenant(tenant, integrationType, page))
                .map(rows -> Keyset.page(rows, page, t -> t.id, FieldMappingTemplateMapper::toResponse));
    }

    /** Replaces the template; {@code expectedVersion} (from If-Match) is checked when given. */
    public Uni<FieldMappingTemplateResponse> update(TenantId tenant, UUID id, FieldMappingTemplateRequest request,
            Long expectedVersion) {
        FieldMappingTemplate replacement = new FieldMappingTemplate();
        FieldMappingTemplateMapper.apply(request, replacement);
        replacement.id = id;
        return transactions.inTenantTransaction(tenant, () -> requireExisting(tenant, id)
                        .invoke(entity -> requireVersion(entity, expectedVersion))
                        .call(entity -> clearOtherDefaults(tenant, replacement))
                        .invoke(entity -> {
                            entity.name = replacement.name;
                            entity.integrationType = replacement.integrationType;
                            entity.description = replacement.description;
                            entity.mappings = replacement.mappings;
                            entity.defaultTemplate = replacement.defaultTemplate;
                        })
                        .call(repository::flush))
                .map(FieldMappingTemplateMapper::toResponse)
                .onFailure(DatabaseErrors::isUniqueViolation)
                .transform(e -> conflict(e, replacement.name, replacement.integrationType));
    }

    public Uni<Void> delete(TenantId tenant, UUID id, Long expectedVersion) {
        return transactions.inTenantTransaction(tenant, () -> requireExisting(tenant, id)
                        .invoke(entity -> requireVersion(entity, expectedVersion))
                        .call(repository::delete))
                .replaceWithVoid();
    }

    Uni<FieldMappingTemplate> requireExisting(TenantId tenant, UUID id) {
        return repository.findForTenant(tenant, id)
                .onItem().ifNull().failWith(() -> new FieldMappingTemplateNotFoundException(id));
    }

    /**
     * A new default replaces the previous one of its type. Flushed before the template itself is written: Hibernate
     * runs inserts before updates, which would trip the one-default index.
     */
    private Uni<Void> clearOtherDefaults(TenantId tenant, FieldMappingTemplate template) {
        if (!template.defaultTemplate) {
            return Uni.createFrom().voidItem();
        }
        return repository.otherDefaults(tenant, template.integrationType, template.id)
                .invoke(previous -> previous.forEach(other -> other.defaultTemplate = false))
                .call(repository::flush)
                .replaceWithVoid();
    }

    private static void requireVersion(FieldMappingTemplate entity, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != entity.version) {
            throw new PreconditionFailedException("field mapping template", entity.id, entity.version);
        }
    }

    private static DuplicateTemplateException conflict(Throwable failure, String name, String integrationType) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(DEFAULT_INDEX)) {
                return DuplicateTemplateException.concurrentDefault(integrationType);
            }
        }
        return DuplicateTemplateException.name(name, integrationType);
    }

}
