package io.integration.oauth;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.integration.connection.ActivityAction;
import io.integration.tenancy.TenantId;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The refresh core's SQL on oauth_tokens (plain SQL on whichever pool the core runs on, inside the caller's tenant
 * transaction); every statement also filters on the tenant, the second layer under RLS.
 */
final class OAuthTokenRows {

    /** How the row is read: plainly, locked (waiting for a refresh in progress), or locked unless someone holds it. */
    enum Lock {
        NONE(""), WAIT(" for update"), SKIP(" for update skip locked");

        final String clause;

        Lock(String clause) {
            this.clause = clause;
        }
    }

    /** A token of some tenant that is due for a background refresh. */
    record Due(TenantId tenant, UUID venueId, String provider) {
    }

    private static final String COLUMNS = "id, access_token_encrypted, refresh_token_encrypted, id_token_encrypted,"
            + " token_type, scopes, expires_at, refresh_status, refresh_failures, next_refresh_at, last_refreshed_at,"
            + " created_at, token_version, last_refresh_error";

    // The connection this token belongs to (venue-level first), for the activity log and the connection status.
    private static final String CONNECTION_OF = "select c.id, c.integration_id from connections c"
            + " join integrations i on i.id = c.integration_id and i.tenant_id = c.tenant_id"
            + " where c.tenant_id = $1 and c.venue_id = $2 and i.provider = $3";

    private OAuthTokenRows() {
    }

    static Uni<StoredToken> load(SqlConnection c, TenantId tenant, UUID venueId, String provider, Lock lock) {
        return c.preparedQuery("select " + COLUMNS + " from oauth_tokens where tenant_id = $1 and venue_id = $2"
                        + " and integration_type = $3" + lock.clause)
                .execute(Tuple.of(tenant.value(), venueId, provider))
                .map(rows -> rows.iterator().hasNext() ? toStored(rows.iterator().next()) : null);
    }

    /** Stores a refresh's result; every secret column is written (kept ones re-wrapped) so kms_key_id stays true. */
    static Uni<Void> storeRefreshed(SqlConnection c, TenantId tenant, StoredToken row, byte[] access, byte[] refresh,
            byte[] id, String mask, String tokenType, String[] scopes, Instant expiresAt, String keyId, JsonObject context) {
        return c.preparedQuery("update oauth_tokens set access_token_encrypted = $3, refresh_token_encrypted = $4,"
                        + " id_token_encrypted = $5, access_token_mask = $6, token_type = $7, scopes = $8, expires_at = $9,"
                        + " kms_key_id = $10, encryption_context = $11, token_version = token_version + 1,"
                        + " refresh_status = 'ACTIVE', refresh_failures = 0, next_refresh_at = null,"
                        + " last_refreshed_at = now(), last_refresh_error = null, version = version + 1, updated_at = now()"
                        + " where tenant_id = $1 and id = $2")
                .execute(Tuple.of(tenant.value(), row.id(), buffer(access), buffer(refresh), buffer(id), mask)
                        .addValue(tokenType).addArrayOfString(scopes).addValue(timestamp(expiresAt)).addValue(keyId)
                        .addValue(context))
                .replaceWithVoid();
    }

    /** A failed refresh that may be retried: FAILING, counted, next attempt after the backoff. */
    static Uni<Void> recordFailure(SqlConnection c, TenantId tenant, StoredToken row, int failures, Instant nextAttempt,
            String error) {
        return c.preparedQuery("update oauth_tokens set refresh_status = 'FAILING', refresh_failures = $3,"
                        + " next_refresh_at = $4, last_refresh_error = $5, version = version + 1, updated_at = now()"
                        + " where tenant_id = $1 and id = $2")
                .execute(Tuple.of(tenant.value(), row.id(), failures, timestamp(nextAttempt), error))
                .replaceWithVoid();
    }

    /** EXPIRED: no more refreshes until a reconnect or a new store; the connection says EXPIRED with the reason. */
    static Uni<Void> expire(SqlConnection c, TenantId tenant, UUID venueId, String provider, StoredToken row,
            int failures, String reason) {
        return c.preparedQuery("update oauth_tokens set refresh_status = 'EXPIRED', refresh_failures = $3,"
                        + " next_refresh_at = null, last_refresh_error = $4, version = version + 1, updated_at = now()"
                        + " where tenant_id = $1 and id = $2")
                .execute(Tuple.of(tenant.value(), row.id(), failures, reason))
                .chain(() -> c.preparedQuery("update connections set status = 'EXPIRED', status_reason = $4,"
                                + " version = version + 1, updated_at = now() where tenant_id = $1 and status = 'CONNECTED'"
                                + " and id in (" + CONNECTION_OF.replace("select c.id, c.integration_id", "select c.id") + ")")
                        .execute(Tuple.of(tenant.value(), venueId, provider, reason)))
                .replaceWithVoid();
    }

    /** Keeps the connection's copy of the expiry in step with the token. */
    static Uni<Void> touchConnection(SqlConnection c, TenantId tenant, UUID venueId, String provider, Instant expiresAt) {
        return c.preparedQuery("update connections set token_expires_at = $4, updated_at = now() where tenant_id = $1"
                        + " and id in (" + CONNECTION_OF.replace("select c.id, c.integration_id", "select c.id") + ")")
                .execute(Tuple.of(tenant.value(), venueId, provider, timestamp(expiresAt)))
                .replaceWithVoid();
    }

    /** An activity-log entry by the system, attached to the venue's connection of the provider if there is one. */
    static Uni<Void> audit(SqlConnection c, TenantId tenant, UUID venueId, String provider, ActivityAction action,
            JsonObject details) {
        return c.preparedQuery("insert into integration_activity_logs (id, tenant_id, integration_id, connection_id,"
                        + " action, actor_user_id, actor_display_name, details)"
                        + " select gen_random_uuid(), $1, conn.integration_id, conn.id, $4, 'system', 'OAuth token refresher', $5"
                        + " from (select 1) one left join lateral (" + CONNECTION_OF
                        + " order by (c.user_id is null) desc, c.updated_at desc limit 1) conn on true")
                .execute(Tuple.of(tenant.value(), venueId, provider, action.name(), details.put("venueId",
                        venueId.toString()).put("provider", provider)))
                .replaceWithVoid();
    }

    /** Across tenants (system transaction): tokens expiring within the margin or idle too long, not EXPIRED or backing off. */
    static Uni<List<Due>> findDue(SqlConnection c, java.time.Duration margin, java.time.Duration idleAge, int limit) {
        return c.preparedQuery("select tenant_id, venue_id, integration_type from oauth_tokens"
                        + " where refresh_status <> 'EXPIRED' and refresh_token_encrypted is not null"
                        + " and (next_refresh_at is null or next_refresh_at <= now())"
                        + " and (expires_at <= now() + $1 * interval '1 millisecond'"
                        + " or coalesce(last_refreshed_at, created_at) < now() - $2 * interval '1 millisecond')"
                        + " order by expires_at nulls last limit $3")
                .execute(Tuple.of(margin.toMillis(), idleAge.toMillis(), limit))
                .map(OAuthTokenRows::toDue);
    }

    /** Started authorizations that can no longer complete; kept a day past expiry so a late callback says "expired". */
    static Uni<Integer> purgeStaleStates(SqlConnection c) {
        return c.query("delete from oauth_authorization_states where expires_at < now() - interval '1 day'")
                .execute()
                .map(RowSet::rowCount);
    }

    private static List<Due> toDue(RowSet<Row> rows) {
        List<Due> due = new ArrayList<>();
        for (Row row : rows) {
            due.add(new Due(new TenantId(row.getUUID("tenant_id")), row.getUUID("venue_id"), row.getString("integration_type")));
        }
        return due;
    }

    private static StoredToken toStored(Row row) {
        return new StoredToken(row.getUUID("id"), bytes(row, "access_token_encrypted"),
                bytes(row, "refresh_token_encrypted"), bytes(row, "id_token_encrypted"), row.getString("token_type"),
                row.getArrayOfStrings("scopes"), instant(row, "expires_at"), row.getString("refresh_status"),
                row.getInteger("refresh_failures"), instant(row, "next_refresh_at"), instant(row, "last_refreshed_at"),
                instant(row, "created_at"), row.getInteger("token_version"), row.getString("last_refresh_error"));
    }

    private static byte[] bytes(Row row, String column) {
        var buffer = row.getBuffer(column);
        return buffer == null ? null : buffer.getBytes();
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static Buffer buffer(byte[] bytes) {
        return bytes == null ? null : Buffer.buffer(bytes);
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
