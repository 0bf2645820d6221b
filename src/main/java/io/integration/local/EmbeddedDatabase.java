package io.integration.local;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * An embedded PostgreSQL for the local run and the tests, bootstrapped like a managed database would be: an owner
 * login that runs the migrations (which create the runtime roles), and the service database owned by it.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "integration";
    public static final String OWNER_ROLE = "integration_owner";
    public static final String API_ROLE = "integration_api";
    public static final String WORKER_ROLE = "integration_worker";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts PostgreSQL on 127.0.0.1 with its data in {@code dataDirectory}; a non-clean start keeps earlier data. */
    public static EmbeddedDatabase start(Path dataDirectory, boolean clean, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(clean)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "128MB");
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedDatabase database = new EmbeddedDatabase(builder.start());
        database.bootstrap();
        return database;
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    public String reactiveUrl() {
        return "postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    /** A superuser connection to the service database, for bootstrap and for schema audits in tests. */
    public Connection superuserConnection() throws SQLException {
        return postgres.getDatabase("postgres", DATABASE).getConnection();
    }

    /**
     * The datasource configuration that points the service at this database: the API pool and the worker pool on
     * their own logins, the migrations on the owner login; role passwords are applied by the migrations.
     */
    public Map<String, String> serviceConfiguration(String apiPassword, String workerPassword, String ownerPassword) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.reactive.url", reactiveUrl());
        config.put("quarkus.datasource.jdbc.url", jdbcUrl());
        config.put("quarkus.datasource.username", API_ROLE);
        config.put("quarkus.datasource.password", apiPassword);
        config.put("quarkus.datasource.worker.reactive.url", reactiveUrl());
        config.put("quarkus.datasource.worker.username", WORKER_ROLE);
        config.put("quarkus.datasource.worker.password", workerPassword);
        config.put("quarkus.flyway.username", OWNER_ROLE);
        config.put("quarkus.flyway.password", ownerPassword);
        config.put("quarkus.flyway.placeholders.manageRolePasswords", "true");
        return config;
    }

    /** Creates the owner role and the service database if missing; idempotent across restarts. */
    private void bootstrap() throws IOException {
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + OWNER_ROLE
                    + "') THEN CREATE ROLE " + OWNER_ROLE + " LOGIN CREATEROLE NOSUPERUSER NOBYPASSRLS; END IF; END $$");
            if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", DATABASE)) {
                statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER_ROLE);
            }
        } catch (SQLException e) {
            throw new IOException("could not bootstrap the embedded database", e);
        }
        try (Connection admin = superuserConnection(); Statement statement = admin.createStatement()) {
            statement.execute("ALTER SCHEMA public OWNER TO " + OWNER_ROLE);
        } catch (SQLException e) {
            throw new IOException("could not hand the public schema to " + OWNER_ROLE, e);
        }
    }

    private static boolean exists(Connection connection, String sql, String value) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, value);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
