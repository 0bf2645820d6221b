package io.integration.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.integration.support.Database;

/** Direct database access for the sync tests: seeding jobs in bulk and reading back queue and history rows. */
final class SyncFixtures {

    private SyncFixtures() {
    }

    /** Inserts {@code count} PENDING jobs of {@code tenant}, spread round-robin over the venues and providers. */
    static void insertJobs(UUID tenant, List<UUID> venues, List<String> providers, int count, int maxAttempts)
            throws SQLException {
        try (Connection db = Database.superuser(); PreparedStatement insert = db.prepareStatement(
                "insert into sync_queue (tenant_id, venue_id, integration_type, sync_type, max_attempts, payload)"
                        + " values (?, ?, ?, 'FULL', ?, cast(? as jsonb))")) {
            for (int i = 0; i < count; i++) {
                insert.setObject(1, tenant);
                insert.setObject(2, venues.get(i % venues.size()));
                insert.setString(3, providers.get((i / venues.size()) % providers.size()));
                insert.setInt(4, maxAttempts);
                insert.setString(5, "{\"n\":" + i + "}");
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static UUID insertJob(UUID tenant, UUID venue, String provider, int maxAttempts) throws SQLException {
        insertJobs(tenant, List.of(venue), List.of(provider), 1, maxAttempts);
        return UUID.fromString(strings("select id::text from sync_queue where tenant_id = '" + tenant + "' and venue_id = '"
                + venue + "' and integration_type = '" + provider + "' order by created_at desc limit 1").get(0));
    }

    static long count(String sql) throws SQLException {
        return Long.parseLong(strings(sql).get(0));
    }

    static String string(String sql) throws SQLException {
        List<String> values = strings(sql);
        return values.isEmpty() ? null : values.get(0);
    }

    static List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection db = Database.superuser(); PreparedStatement query = db.prepareStatement(sql);
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    static void execute(String sql) throws SQLException {
        try (Connection db = Database.superuser()) {
            Database.execute(db, sql);
        }
    }

    /** A provider slug no other test uses, so cross-tenant claims of a test see only its own jobs. */
    static String uniqueProvider() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
