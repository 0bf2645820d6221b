package io.integration.mapping;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.integration.common.DatabaseErrors;
import io.integration.common.Keyset;
import io.integration.common.Page;
import io.integration.common.PageRequest;
import io.integration.common.PreconditionFailedException;
import io.integration.connection.ConnectionNotFoundException;
import io.integration.tenancy.TenantId;
import io.integration.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;

/** A connection's field mappings: rules and transactions of the mapping CRUD. */
@ApplicationScoped
public class FieldMappingService {

    private final FieldMappingRepository repository;
    private final ConnectionLookup connections;
    private final TenantTransactions transactions;

    public FieldMappingService(FieldMappingRepository repository, ConnectionLookup connections,
            TenantTransactions transactions) {
        this.repository = repository;
        this.connections = connections;
        this.transactions = transactions;
    }

    /** Adds a rule; without a position it goes after the connection's last one. */
    public Uni<FieldMappingResponse> create(TenantId tenant, UUID connectionId, MappingDefinition definition) {
        FieldMapping entity = FieldMappingMapper.newMapping(tenant, connectionId);
        return transactions.inTenantTransaction(tenant, () -> connections.requireProvider(tenant, connectionId)
                        .chain(ignored -> definition.position() != null
                                ? Uni.createFrom().item(definition.position())
                                : repository.nextPosition(tenant, connectionId))
                        .invoke(position -> FieldMappingMapper.apply(definition.normalized(position), entity))
                        .chain(ignored -> repository.persistAndFlush(entity)))
                .map(FieldMappingMapper::toResponse)
                .onFailure(DatabaseErrors::isUniqueViolation)
                .transform(e -> new DuplicateFieldMappingException(connectionId, definition.sourceField(),
                        definition.targetField()))
                .onFailure(FieldMappingService::isForeignKeyViolation)
                .transform(e -> new ConnectionNotFoundException(connectionId));
    }

    public Uni<FieldMappingResponse> get(TenantId tenant, UUID connectionId, UUID id) {
        return transactions.inTenantTransaction(tenant, () -> requireExisting(tenant, connectionId, id))
                .map(FieldMappingMapper::toResponse);
    }

    public Uni<Page<FieldMappingResponse>> list(TenantId tenant, UUID connectionId, FieldTransform transform,
            PageRequest page) {
        return transactions.inTenantTransaction(tenant, () -> connections.requireProvider(tenant, connectionId)
                        .chain(ignored -> repository.listForConnection(tenant, connectionId, transform, page)))
                .map(rows -> Keyset.page(rows, page, m -> m.id, FieldMappingMapper::toResponse));
    }

    /** Replaces the rule; a missing position keeps the current one; {@code expectedVersion} comes from If-Match. */
    public Uni<FieldMappingResponse> update(TenantId tenant, UUID connectionId, UUID id, MappingDefinition definition,
            Long expectedVersion) {
        return transactions.inTenantTransaction(tenant, () -> requireExisting(tenant, connectionId, id)
                        .invoke(entity -> {
                            requireVersion(entity, expectedVersion);
                            FieldMappingMapper.apply(definition.normalized(entity.position), entity);
                        })
                        .call(repository::flush))
                .map(FieldMappingMapper::toResponse)
                .onFailure(DatabaseErrors::isUniqueViolation)
                .transform(e -> new DuplicateFieldMappingException(connectionId, definition.sourceField(),
                        definition.targetField()));
    }

    public Uni<Void> delete(TenantId tenant, UUID connectionId, UUID id, Long expectedVersion) {
        return transactions.inTenantTransaction(tenant, () -> requireExisting(tenant, connectionId, id)
                        .invoke(entity -> requireVersion(entity, expectedVersion))
                        .call(repository::delete))
                .replaceWithVoid();
    }

    /** Runs the connection's stored rules on a sample record; nothing is written. */
    public Uni<FieldMappingPreviewResponse> preview(TenantId tenant, UUID connectionId, JsonNode sample) {
        return transactions.inTenantTransaction(tenant, () -> connections.requireProvider(tenant, connectionId)
                        .chain(ignored -> repository.listAllForConnection(tenant, connectionId)))
                .map(rules -> {
                    MappedRecord mapped = FieldMappingEngine.apply(
                            rules.stream().map(FieldMappingMapper::toDefinition).toList(), sample);
                    return new FieldMappingPreviewResponse(mapped.value(), mapped.errors(), rules.size());
                });
    }

    /** The connection first, so a missing or foreign connection answers as such rather than as a missing mapping. */
    private Uni<FieldMapping> requireExisting(TenantId tenant, UUID connectionId, UUID id) {
        return connections.requireProvider(tenant, connectionId)
                .chain(ignored -> repository.findForConnection(tenant, connectionId, id))
                .onItem().ifNull().failWith(() -> new FieldMappingNotFoundException(id));
    }

    private static void requireVersion(FieldMapping entity, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != entity.version) {
            throw new PreconditionFailedException("field mapping", entity.id, entity.version);
        }
    }

    static boolean isForeignKeyViolation(Throwable failure) {
        // The connection was deleted between the lookup and the insert.
        return DatabaseErrors.sqlState(failure).map(DatabaseErrors.FOREIGN_KEY_VIOLATION::equals).orElse(false);
    }

}
