package io.integration.mapping;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.integration.support.Database;

/** Parent rows the mapping tests need (an integration and its connection, written as superuser) and row reads. */
final class MappingFixtures {

    private MappingFixtures() {
    }

    /** A connection of {@code tenant} to a new catalog entry of {@code provider}; returns the connection id. */
    static UUID createConnection(UUID tenant, String provider) {
        UUID integration = UUID.randomUUID();
        UUID connection = UUID.randomUUID();
        try (Connection db = Database.superuser()) {
            Database.execute(db, "insert into integrations (id, tenant_id, name, provider, category) values ('"
                    + integration + "', '" + tenant + "', 'mapping test " + integration + "', '" + provider + "', 'CRM')");
            Database.execute(db, "insert into connections (id, tenant_id, integration_id, venue_id, status) values ('"
                    + connection + "', '" + tenant + "', '" + integration + "', '" + UUID.randomUUID() + "', 'CONNECTED')");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return connection;
    }

    /** The rows of a query with one parameter, each as column name to value (jsonb as its text). */
    static List<Map<String, Object>> rows(String sql, Object parameter) {
        try (Connection db = Database.superuser(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet result = query.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                        Object value = result.getObject(i);
                        row.put(result.getMetaData().getColumnLabel(i),
                                value instanceof org.postgresql.util.PGobject pg ? pg.getValue() : value);
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> row(String sql, Object parameter) {
        List<Map<String, Object>> rows = rows(sql, parameter);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row but found " + rows.size() + " for " + sql);
        }
        return rows.get(0);
    }

    static long count(String sql, Object parameter) {
        return ((Number) row(sql, parameter).values().iterator().next()).longValue();
    }
}
