package io.integration.sync.connector;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.integration.mapping.FieldTransform;
import io.integration.mapping.MappingDefinition;
import io.integration.provider.ProviderCatalog;
import io.integration.provider.ProviderDefinition;
import io.integration.sync.connector.PullFailedException.Reason;
import io.integration.tenancy.SystemTransactions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Reads a run's {@link SyncTarget} in one tenant transaction on the worker pool. Plain SQL rather than the Panache
 * repositories: the connector runs from queue workers, where no request and no Hibernate session context exist, and
 * the worker login is what background work uses (see docs/adr/0011). Every query also filters on the tenant.
 */
@ApplicationScoped
class SyncTargetLoader {

    static final String CONNECTION = "select c.id, c.integration_id, c.access_token_encrypted from connections c"
            + " join integrations i on i.id = c.integration_id and i.tenant_id = c.tenant_id"
            + " where c.tenant_id = $1 and c.venue_id = $2 and i.provider = $3 and c.status <> 'DISCONNECTED'"
            + " and ($4::uuid is null or c.id = $4) order by c.created_at, c.id limit 2";
    static final String MAPPINGS = "select source_field, target_field, transform, transform_config::text as config,"
            + " is_required, position from field_mappings where tenant_id = $1 and connection_id = $2"
            + " order by position, created_at, id";
    static final String DESTINATION = "select destination_url from integration_configs"
            + " where tenant_id = $1 and venue_id = $2 and integration_type = $3";

    private final SystemTransactions transactions;
    private final ProviderCatalog providers;
    private final ObjectMapper json = new ObjectMapper();

    SyncTargetLoader(SystemTransactions transactions, ProviderCatalog providers) {
        this.transactions = transactions;
        this.providers = providers;
    }

    Uni<SyncTarget> load(PullRequest request) {
        ProviderDefinition provider = providers.find(request.provider())
                .filter(definition -> definition.sync() != null)
                .orElseThrow(() -> PullFailedException.of(Reason.NOT_CONFIGURED,
                        "provider '" + request.provider() + "' declares no sync block for the REST pull connector"));
        return transactions.inTenantTransaction(request.tenant(), connection -> connection(connection, request)
                .chain(row -> mappings(connection, request, row.getUUID("id"))
                        .chain(mappings -> destination(connection, request)
                                .map(destination -> new SyncTarget(request.tenant(), request.venueId(), provider,
                                        row.getUUID("id"), row.getUUID("integration_id"),
                                        row.getBuffer("access_token_encrypted") == null ? null
                                                : row.getBuffer("access_token_encrypted").getBytes(),
                                        mappings, destination)))));
    }

    private static Uni<Row> connection(SqlConnection connection, PullRequest request) {
        return connection.preparedQuery(CONNECTION)
                .execute(Tuple.of(request.tenant().value(), request.venueId(), request.provider(), request.connectionId()))
                .map(rows -> {
                    String which = request.connectionId() == null ? "" : " " + request.connectionId();
                    if (rows.size() == 0) {
                        throw PullFailedException.of(Reason.NOT_CONFIGURED, "venue " + request.venueId()
                                + " has no active connection" + which + " to '" + request.provider() + "'");
                    }
                    if (rows.size() > 1) {
                        throw PullFailedException.of(Reason.NOT_CONFIGURED, "venue " + request.venueId()
                                + " has several connections to '" + request.provider() + "'; the job must name one");
                    }
                    return rows.iterator().next();
                });
    }

    private Uni<List<MappingDefinition>> mappings(SqlConnection connection, PullRequest request, UUID connectionId) {
        return connection.preparedQuery(MAPPINGS)
                .execute(Tuple.of(request.tenant().value(), connectionId))
                .map(rows -> {
                    List<MappingDefinition> mappings = new ArrayList<>();
                    for (Row row : rows) {
                        mappings.add(new MappingDefinition(row.getString("source_field"), row.getString("target_field"),
                                FieldTransform.valueOf(row.getString("transform")), config(row.getString("config")),
                                row.getBoolean("is_required"), row.getInteger("position")));
                    }
                    if (mappings.isEmpty()) {
                        throw PullFailedException.of(Reason.NOT_CONFIGURED, "connection " + connectionId
                                + " has no field mappings; define them before syncing");
                    }
                    return mappings;
                });
    }

    private static Uni<String> destination(SqlConnection connection, PullRequest request) {
        return connection.preparedQuery(DESTINATION)
                .execute(Tuple.of(request.tenant().value(), request.venueId(), request.provider()))
                .map(rows -> {
                    String url = rows.size() == 0 ? null : rows.iterator().next().getString("destination_url");
                    if (url == null) {
                        throw PullFailedException.of(Reason.NOT_CONFIGURED, "venue " + request.venueId()
                                + " has no destinationUrl in its '" + request.provider() + "' config");
                    }
                    return url;
                });
    }

    private ObjectNode config(String text) {
        try {
            return (ObjectNode) json.readTree(text);
        } catch (JsonProcessingException | ClassCastException e) {
            // Written through the validated mapping API, so this is a corrupted row, not a client error.
            throw new IllegalStateException("field mapping transform_config is not a JSON object", e);
        }
    }
}
