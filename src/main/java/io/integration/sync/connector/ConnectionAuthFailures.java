package io.integration.sync.connector;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.integration.connection.ActivityAction;
import io.integration.tenancy.SystemTransactions;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Marks a connection ERROR after the provider rejected a sync's credentials and writes the activity-log entry, in one
 * tenant transaction on the worker pool (a disconnected connection stays DISCONNECTED; the entry is written anyway).
 */
@ApplicationScoped
class ConnectionAuthFailures {

    static final String ACTOR_ID = "system:rest-pull-connector";
    static final String ACTOR_NAME = "REST pull connector";

    private static final String MARK_ERROR = "update connections set status = 'ERROR', status_reason = $3,"
            + " version = version + 1, updated_at = now()"
            + " where tenant_id = $1 and id = $2 and status <> 'DISCONNECTED'";
    private static final String LOG = "insert into integration_activity_logs (tenant_id, integration_id, connection_id,"
            + " action, actor_user_id, actor_display_name, details) values ($1, $2, $3, $4, $5, $6, $7)";

    private final SystemTransactions transactions;

    ConnectionAuthFailures(SystemTransactions transactions) {
        this.transactions = transactions;
    }

    Uni<Void> record(SyncTarget target, PullRequest request, PullFailedException failure) {
        JsonObject details = new JsonObject()
                .put("message", failure.getMessage())
                .put("providerStatus", failure.providerStatus())
                .put("provider", target.provider().slug())
                .put("venueId", target.venueId().toString())
                .put("jobId", request.jobId().toString());
        return transactions.inTenantTransaction(target.tenant(), connection -> connection.preparedQuery(MARK_ERROR)
                .execute(Tuple.of(target.tenant().value(), target.connectionId(), failure.getMessage()))
                .chain(() -> connection.preparedQuery(LOG).execute(Tuple.from(List.of(target.tenant().value(),
                        target.integrationId(), target.connectionId(), ActivityAction.SYNC_AUTH_FAILED.name(), ACTOR_ID,
                        ACTOR_NAME, details))))
                .replaceWithVoid());
    }
}
