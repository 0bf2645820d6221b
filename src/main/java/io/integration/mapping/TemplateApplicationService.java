package io.integration.mapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.integration.common.ConflictException;
import io.integration.common.DatabaseErrors;
import io.integration.connection.ConnectionNotFoundException;
import io.integration.tenancy.TenantId;
import io.integration.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;

/** Applies a template to a connection in one transaction: new pairs are created, existing pairs replaced. */
@ApplicationScoped
public class TemplateApplicationService {

    private static final Logger LOG = Logger.getLogger(TemplateApplicationService.class);

    private final FieldMappingTemplateService templates;
    private final FieldMappingRepository mappings;
    private final ConnectionLookup connections;
    private final TenantTransactions transactions;

    public TemplateApplicationService(FieldMappingTemplateService templates, FieldMappingRepository mappings,
            ConnectionLookup connections, TenantTransactions transactions) {
        this.templates = templates;
        this.mappings = mappings;
        this.connections = connections;
        this.transactions = transactions;
    }

    public Uni<AppliedTemplateResponse> apply(TenantId tenant, UUID templateId, UUID connectionId) {
        return transactions.inTenantTransaction(tenant, () -> templates.requireExisting(tenant, templateId)
                        .call(template -> connections.requireProvider(tenant, connectionId)
                                .invoke(provider -> {
                                    if (!provider.equals(template.integrationType)) {
                                        throw new TemplateTypeMismatchException(templateId, template.integrationType,
                                                connectionId, provider);
                                    }
                                }))
                        .chain(template -> applyRules(tenant, connectionId, template)))
                .invoke(applied -> LOG.infof("applied field mapping template tenant=%s template=%s connection=%s"
                        + " created=%d updated=%d", tenant, templateId, connectionId, applied.created(), applied.updated()))
                .onFailure(DatabaseErrors::isUniqueViolation)
                .transform(e -> new ConflictException("the mappings of connection " + connectionId
                        + " changed while the template was applied; retry"))
                .onFailure(FieldMappingService::isForeignKeyViolation)
                .transform(e -> new ConnectionNotFoundException(connectionId));
    }

    private Uni<AppliedTemplateResponse> applyRules(TenantId tenant, UUID connectionId, FieldMappingTemplate template) {
        List<String> sources = template.mappings.stream().map(MappingDefinition::sourceField).distinct().toList();
        return mappings.listBySources(tenant, connectionId, sources)
                .chain(existing -> {
                    Map<List<String>, FieldMapping> byPair = new HashMap<>();
                    existing.forEach(mapping -> byPair.put(pair(mapping.sourceField, mapping.targetField), mapping));
                    List<FieldMapping> result = new ArrayList<>();
                    List<FieldMapping> created = new ArrayList<>();
                    for (MappingDefinition rule : template.mappings) {
                        FieldMapping target = byPair.get(pair(rule.sourceField(), rule.targetField()));
                        if (target == null) {
                            target = FieldMappingMapper.newMapping(tenant, connectionId);
                            created.add(target);
                        }
                        FieldMappingMapper.apply(rule, target);
                        result.add(target);
                    }
                    result.sort(Comparator.comparingInt((FieldMapping m) -> m.position).thenComparing(m -> m.sourceField));
                    // Panache refuses to persist an empty list (a template applied again creates nothing).
                    Uni<Void> inserts = created.isEmpty() ? Uni.createFrom().voidItem() : mappings.persist(created);
                    return inserts
                            .call(mappings::flush)
                            .map(ignored -> new AppliedTemplateResponse(template.id, connectionId, created.size(),
                                    result.size() - created.size(),
                                    result.stream().map(FieldMappingMapper::toResponse).toList()));
                });
    }

    private static List<String> pair(String source, String target) {
        return List.of(source, target);
    }
}
