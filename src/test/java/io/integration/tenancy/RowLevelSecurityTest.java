package io.integration.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.integration.support.Database;
import io.quarkus.test.junit.QuarkusTest;

/** Proves the RLS policies as each runtime role sees them, on every tenant table. */
@QuarkusTest
class RowLevelSecurityTest {

    private static final String RLS_VIOLATION = "42501";

    private final UUID tenantA = UUID.randomUUID();
    private final UUID tenantB = UUID.randomUUID();

    @BeforeEach
    void seedOneRowPerTableForTwoTenantsAsTheWorker() throws SQLException {
        try (Connection worker = Database.as("integration_worker")) {
            worker.setAutoCommit(false);
            Database.execute(worker, "select set_config('app.is_system_user', 'true', true)");
            for (String sql : Database.insertsForTenant(tenantA).values()) {
                Database.execute(worker, sql);
            }
            for (String sql : Database.insertsForTenant(tenantB).values()) {
                Database.execute(worker, sql);
            }
            worker.commit();
        }
    }

    @Test
    void apiRoleWithoutTenantSeesZeroRowsInEveryTable() throws SQLException {
        try (Connection api = Database.as("integration_api")) {
            for (String table : Database.TENANT_TABLES) {
                assertThat(count(api, table, null)).as(table).isZero();
            }
        }
    }

    @Test
    void apiRoleWithoutTenantCannotInsertIntoAnyTable() throws SQLException {
        try (Connection api = Database.as("integration_api")) {
            api.setAutoCommit(false);
            for (Map.Entry<String, String> insert : Database.insertsForTenant(tenantA).entrySet()) {
                assertRejectedByPolicy(api, insert.getValue(), insert.getKey());
            }
        }
    }

    @Test
    void apiRoleWithTenantASeesOnlyTenantAAndCannotWriteForTenantB() throws SQLException {
        try (Connection api = Database.as("integration_api")) {
            api.setAutoCommit(false);
            Database.execute(api, "select set_config('app.current_tenant_id', '" + tenantA + "', true)");
            for (String table : Database.TENANT_TABLES) {
                assertThat(count(api, table, tenantA)).as("%s rows of A", table).isEqualTo(1);
                assertThat(count(api, table, tenantB)).as("%s rows of B seen by A", table).isZero();
            }
            api.rollback();
            for (Map.Entry<String, String> insert : Database.insertsForTenant(tenantB).entrySet()) {
                Database.execute(api, "select set_config('app.current_tenant_id', '" + tenantA + "', true)");
                assertRejectedByPolicy(api, insert.getValue(), insert.getKey());
            }
            Database.execute(api, "select set_config('app.current_tenant_id', '" + tenantA + "', true)");
            assertThatThrownBy(() -> Database.execute(api,
                    "update integrations set tenant_id = '" + tenantB + "' where tenant_id = '" + tenantA + "'"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(RLS_VIOLATION));
            api.rollback();
        }
    }

    @Test
    void systemFlagOnTheApiRoleGainsNothing() throws SQLException {
        try (Connection api = Database.as("integration_api")) {
            // Even a session-level flag (which the service never sets) must not open the bypass for this role.
            Database.execute(api, "set app.is_system_user = 'true'");
            for (String table : Database.TENANT_TABLES) {
                assertThat(count(api, table, null)).as(table).isZero();
            }
            api.setAutoCommit(false);
            for (Map.Entry<String, String> insert : Database.insertsForTenant(tenantA).entrySet()) {
                assertRejectedByPolicy(api, insert.getValue(), insert.getKey());
            }
        }
    }

    @Test
    void systemFlagOnTheWorkerRoleBypassesAndNothingWithoutIt() throws SQLException {
        try (Connection worker = Database.as("integration_worker")) {
            for (String table : Database.TENANT_TABLES) {
                assertThat(count(worker, table, null)).as("%s without flag", table).isZero();
            }
            worker.setAutoCommit(false);
            Database.execute(worker, "select set_config('app.is_system_user', 'true', true)");
            for (String table : Database.TENANT_TABLES) {
                assertThat(count(worker, table, tenantA)).as("%s rows of A", table).isEqualTo(1);
                assertThat(count(worker, table, tenantB)).as("%s rows of B", table).isEqualTo(1);
            }
            worker.commit();
        }
    }

    @Test
    void theTenantSettingEndsWithItsTransaction() throws SQLException {
        try (Connection api = Database.as("integration_api")) {
            api.setAutoCommit(false);
            Database.execute(api, "select set_config('app.current_tenant_id', '" + tenantA + "', true)");
            assertThat(count(api, "integrations", tenantA)).isEqualTo(1);
            api.commit();
            api.setAutoCommit(true);
            assertThat(count(api, "integrations", null)).isZero();
            try (Statement statement = api.createStatement();
                    ResultSet row = statement.executeQuery("select current_setting('app.current_tenant_id', true)")) {
                row.next();
                assertThat(row.getString(1)).isNullOrEmpty();
            }
        }
    }

    private static long count(Connection connection, String table, UUID tenant) throws SQLException {
        String sql = "select count(*) from " + table + (tenant == null ? "" : " where tenant_id = '" + tenant + "'");
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void assertRejectedByPolicy(Connection connection, String sql, String table) throws SQLException {
        assertThatThrownBy(() -> Database.execute(connection, sql))
                .as("insert into %s", table)
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).as("SQLSTATE of the insert into %s", table).isEqualTo(RLS_VIOLATION);
                    assertThat(e.getMessage()).contains("row-level security");
                });
        connection.rollback();
    }
}
