package io.integration.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

/** JDBC access to the test database as a given role, and a row in every tenant table for a tenant. */
public final class Database {

    /** Every tenant table: the 14 of the design, then later ones; parents before children. */
    public static final List<String> TENANT_TABLES = List.of(
            "integrations", "connections", "integration_activity_logs", "oauth_tokens", "venue_api_keys",
            "integration_configs", "field_mappings", "field_mapping_templates", "integration_webhooks", "webhooks",
            "sync_queue", "sync_logs", "integration_health", "integration_costs", "webhook_endpoints",
            "idempotency_keys", "oauth_authorization_states", "sync_cursors");

    private Database() {
    }

    public static Connection superuser() throws SQLException {
        return DriverManager.getConnection(config("test.database.superuser-url"));
    }

    public static Connection as(String role) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + config("test.database.port")
                + "/integration?user=" + role + "&password=unused-under-trust");
    }

    private static String config(String key) {
        return ConfigProvider.getConfig().getValue(key, String.class);
    }

    /** One INSERT per tenant table for {@code tenant}, keyed by table; children reference the parents' ids. */
    public static Map<String, String> insertsForTenant(UUID tenant) {
        UUID integration = UUID.randomUUID();
        UUID connection = UUID.randomUUID();
        UUID inbound = UUID.randomUUID();
        UUID job = UUID.randomUUID();
        UUID venue = UUID.randomUUID();
        String t = "'" + tenant + "'";
        String v = "'" + venue + "'";
        Map<String, String> inserts = new LinkedHashMap<>();
        inserts.put("integrations", "insert into integrations (id, tenant_id, name, provider, category) values ('"
                + integration + "', " + t + ", 'rls " + integration + "', 'stripe', 'PAYMENT')");
        inserts.put("connections", "insert into connections (id, tenant_id, integration_id, venue_id) values ('"
                + connection + "', " + t + ", '" + integration + "', " + v + ")");
        inserts.put("integration_activity_logs", "insert into integration_activity_logs (tenant_id, integration_id,"
                + " connection_id, action, actor_user_id) values (" + t + ", '" + integration + "', '" + connection
                + "', 'CONNECTED', 'tester')");
        inserts.put("oauth_tokens", "insert into oauth_tokens (tenant_id, venue_id, integration_type) values ("
                + t + ", " + v + ", 'hubspot')");
        inserts.put("venue_api_keys", "insert into venue_api_keys (tenant_id, venue_id, integration_type, key_name)"
                + " values (" + t + ", " + v + ", 'stripe', 'default')");
        inserts.put("integration_configs", "insert into integration_configs (tenant_id, venue_id, integration_type)"
                + " values (" + t + ", " + v + ", 'stripe')");
        inserts.put("field_mappings", "insert into field_mappings (tenant_id, connection_id, source_field, target_field)"
                + " values (" + t + ", '" + connection + "', 'email', 'contact.email')");
        inserts.put("field_mapping_templates", "insert into field_mapping_templates (tenant_id, name, integration_type)"
                + " values (" + t + ", 'template " + UUID.randomUUID() + "', 'hubspot')");
        inserts.put("integration_webhooks", "insert into integration_webhooks (id, tenant_id, venue_id, integration_type,"
                + " provider_event_id) values ('" + inbound + "', " + t + ", " + v + ", 'stripe', 'evt_" + inbound + "')");
        inserts.put("webhooks", "insert into webhooks (tenant_id, connection_id, integration_webhook_id, event_type)"
                + " values (" + t + ", '" + connection + "', '" + inbound + "', 'charge.succeeded')");
        inserts.put("sync_queue", "insert into sync_queue (id, tenant_id, venue_id, integration_type, sync_type)"
                + " values ('" + job + "', " + t + ", " + v + ", 'square', 'FULL')");
        inserts.put("sync_logs", "insert into sync_logs (tenant_id, sync_job_id, venue_id, integration_type, sync_type,"
                + " status, started_at, finished_at) values (" + t + ", '" + job + "', " + v
                + ", 'square', 'FULL', 'SUCCEEDED', now(), now())");
        inserts.put("integration_health", "insert into integration_health (tenant_id, venue_id, integration_type)"
                + " values (" + t + ", " + v + ", 'square')");
        inserts.put("integration_costs", "insert into integration_costs (tenant_id, venue_id, integration_type,"
                + " period_start, period_end) values (" + t + ", " + v + ", 'square', date '2026-11-01', date '2026-11-30')");
        inserts.put("webhook_endpoints", "insert into webhook_endpoints (tenant_id, venue_id, integration_type, token_hash)"
                + " values (" + t + ", " + v + ", 'github', sha256(convert_to('" + UUID.randomUUID() + "', 'UTF8')))");
        inserts.put("idempotency_keys", "insert into idempotency_keys (tenant_id, idempotency_key, request_hash, expires_at)"
                + " values (" + t + ", 'key-" + UUID.randomUUID() + "', 'hash', now() + interval '1 hour')");
        inserts.put("oauth_authorization_states", "insert into oauth_authorization_states (tenant_id, state_hash,"
                + " integration_id, venue_id, integration_type, redirect_uri, expires_at) values ("
                + t + ", sha256(convert_to('" + UUID.randomUUID() + "', 'UTF8')), '" + integration + "', " + v
                + ", 'hubspot', 'http://127.0.0.1/oauth/callback', now() + interval '10 minutes')");
        inserts.put("sync_cursors", "insert into sync_cursors (tenant_id, venue_id, integration_type, cursor)"
                + " values (" + t + ", " + v + ", 'square', 'cursor-1')");
        return inserts;
    }

    public static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
