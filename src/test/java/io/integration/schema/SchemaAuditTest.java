package io.integration.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.integration.support.Database;
import io.quarkus.test.junit.QuarkusTest;

/** Audits the migrated schema against the tenant isolation invariant of DESIGN.md. */
@QuarkusTest
class SchemaAuditTest {

    /** Platform tables of the vault (ADR 0004): no tenant data, reachable only through the system bypass. */
    private static final List<String> PLATFORM_TABLES = List.of("kms_key_versions", "key_rotation_runs");

    @Test
    void theSchemaHasTheTenantTablesAndTheTwoPlatformTables() throws SQLException {
        List<String> all = new ArrayList<>(Database.TENANT_TABLES);
        all.addAll(PLATFORM_TABLES);
        assertThat(strings("select tablename from pg_tables where schemaname = 'public'"
                + " and tablename <> 'flyway_schema_history'"))
                .containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void everyTableHasRowLevelSecurityEnabledAndForced() throws SQLException {
        List<String> all = new ArrayList<>(Database.TENANT_TABLES);
        all.addAll(PLATFORM_TABLES);
        assertThat(strings("select relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname = 'public' and c.relkind = 'r' and relname <> 'flyway_schema_history'"
                + " and c.relrowsecurity and c.relforcerowsecurity"))
                .containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void platformTablesAdmitOnlyTheSystemBypassAndTheApiRoleHasNoGrant() throws SQLException {
        for (String table : PLATFORM_TABLES) {
            assertThat(strings("select policyname || '|' || cmd || '|' || qual || '|' || with_check from pg_policies"
                    + " where tablename = '" + table + "'"))
                    .containsExactly(table + "_system_only|ALL|integration_system_bypass()|integration_system_bypass()");
            assertThat(strings("select has_table_privilege('integration_api', '" + table + "', 'SELECT')"
                    + " or has_table_privilege('integration_api', '" + table + "', 'INSERT')"
                    + " or has_table_privilege('integration_api', '" + table + "', 'UPDATE')"))
                    .containsExactly("f");
        }
    }

    @Test
    void everyTableHasOneTenantPolicyForAllCommandsWithUsingAndWithCheck() throws SQLException {
        for (String table : Database.TENANT_TABLES) {
            List<String> policies = strings("select policyname || '|' || cmd || '|' || coalesce(qual, '') || '|'"
                    + " || coalesce(with_check, '') from pg_policies where schemaname = 'public' and tablename = '"
                    + table + "'");
            assertThat(policies).as("policies of %s", table).hasSize(1);
            String[] policy = policies.get(0).split("\\|");
            assertThat(policy[0]).isEqualTo(table + "_tenant_isolation");
            assertThat(policy[1]).isEqualTo("ALL");
            for (String clause : List.of(policy[2], policy[3])) {
                assertThat(clause).as("USING / WITH CHECK of %s", table)
                        .contains("NULLIF(current_setting('app.current_tenant_id'::text, true), ''::text))::uuid")
                        .contains("integration_system_bypass()");
            }
        }
    }

    @Test
    void systemBypassRequiresMembershipOfTheSystemRole() throws SQLException {
        assertThat(strings("select prosrc from pg_proc where proname = 'integration_system_bypass'"))
                .singleElement().asString()
                .contains("app.is_system_user")
                .contains("pg_has_role(current_user, 'integration_system', 'MEMBER')");
    }

    @Test
    void everyTableHasTheStandardColumns() throws SQLException {
        for (String table : Database.TENANT_TABLES) {
            assertThat(strings("select is_nullable || '|' || coalesce(column_default, '<none>') from"
                    + " information_schema.columns where table_schema = 'public' and table_name = '" + table
                    + "' and column_name = 'tenant_id'"))
                    .as("tenant_id of %s: NOT NULL, no default", table)
                    .containsExactly("NO|<none>");
            assertThat(strings("select column_default from information_schema.columns where table_schema = 'public'"
                    + " and table_name = '" + table + "' and column_name = 'id'"))
                    .as("id of %s", table).containsExactly("gen_random_uuid()");
            assertThat(strings("select column_name from information_schema.columns where table_schema = 'public'"
                    + " and table_name = '" + table + "' and column_name in ('created_at', 'updated_at')"))
                    .as("timestamps of %s", table).containsExactlyInAnyOrder("created_at", "updated_at");
        }
    }

    @Test
    void everySecondaryIndexLeadsWithTenantId() throws SQLException {
        List<String> offenders = strings("select i.relname from pg_index x"
                + " join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid"
                + " join pg_namespace n on n.oid = t.relnamespace"
                + " join pg_attribute a on a.attrelid = t.oid and a.attnum = x.indkey[0]"
                + " where n.nspname = 'public' and t.relname <> 'flyway_schema_history' and not x.indisprimary"
                + " and a.attname <> 'tenant_id'");
        // The routing-token lookup runs before the tenant is known (ADR 0006): a documented exception.
        offenders.remove("webhook_endpoints_token_hash_key");
        // Likewise the OAuth callback carries only the state (ADR 0008).
        offenders.remove("oauth_authorization_states_state_hash_key");
        // The cross-tenant claim order of the sync queue (docs/adr/0009).
        offenders.remove("sync_queue_claim_idx");
        assertThat(offenders).isEmpty();
    }

    @Test
    void noUuidOsspExtension() throws SQLException {
        assertThat(strings("select extname from pg_extension")).doesNotContain("uuid-ossp");
    }

    @Test
    void runtimeRolesAreUnprivilegedAndOwnNothing() throws SQLException {
        for (String role : List.of("integration_api", "integration_worker")) {
            assertThat(strings("select rolsuper || '|' || rolbypassrls || '|' || rolcanlogin from pg_roles"
                    + " where rolname = '" + role + "'")).as(role).containsExactly("false|false|true");
            assertThat(strings("select tablename from pg_tables where tableowner = '" + role + "'")).as(role).isEmpty();
            assertThat(strings("select relname from pg_class c join pg_roles r on r.oid = c.relowner"
                    + " where r.rolname = '" + role + "'")).as(role).isEmpty();
        }
        assertThat(strings("select rolsuper || '|' || rolbypassrls || '|' || rolcanlogin from pg_roles"
                + " where rolname = 'integration_system'")).containsExactly("false|false|false");
    }

    @Test
    void onlyTheWorkerIsAMemberOfTheSystemRole() throws SQLException {
        assertThat(strings("select pg_has_role('integration_worker', 'integration_system', 'MEMBER')"))
                .containsExactly("t");
        assertThat(strings("select pg_has_role('integration_api', 'integration_system', 'MEMBER')"))
                .containsExactly("f");
    }

    @Test
    void seedUniqueConstraintsAndCascadingForeignKeysExist() throws SQLException {
        assertThat(strings("select conname from pg_constraint where contype = 'u' and connamespace = 'public'::regnamespace"))
                .contains("integrations_tenant_name_provider_key", "field_mappings_connection_source_target_key",
                        "integration_configs_venue_type_key", "integration_health_venue_type_key",
                        "idempotency_keys_tenant_key_key",
                        "oauth_tokens_venue_type_key", "venue_api_keys_venue_type_name_key");
        assertThat(strings("select conrelid::regclass || '->' || confrelid::regclass || ':' || confdeltype::text"
                + " from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace"))
                .contains("connections->integrations:c", "field_mappings->connections:c", "webhooks->connections:c");
    }

    /** Migrations that add activity actions each redefine the CHECK; the last one must still admit every action. */
    @Test
    void theActivityLogAdmitsEveryActivityAction() throws SQLException {
        String check = strings("select pg_get_constraintdef(oid) from pg_constraint"
                + " where conname = 'integration_activity_logs_action_check'").get(0);
        for (io.integration.connection.ActivityAction action : io.integration.connection.ActivityAction.values()) {
            assertThat(check).as(action.name()).contains("'" + action.name() + "'");
        }
    }

    private static List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection db = Database.superuser(); PreparedStatement query = db.prepareStatement(sql);
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
