package io.integration.tenancy;

import static io.integration.support.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.integration.support.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Many concurrent requests of many tenants through a pool of 4 connections: every request sees only its tenant's
 * rows, and afterwards the pooled connections carry no tenant at all.
 */
@QuarkusTest
class PoolIsolationTest {

    private static final int TENANTS = 20;
    private static final int ROWS_PER_TENANT = 3;
    private static final int REQUESTS = 1_000;

    @Inject
    Pool apiPool;

    @ConfigProperty(name = "quarkus.datasource.reactive.max-size")
    int poolSize;

    @Test
    void concurrentRequestsOfManyTenantsSeeOnlyTheirOwnRows() throws Exception {
        assertThat(poolSize).isEqualTo(4);
        List<UUID> tenants = new ArrayList<>();
        Map<UUID, List<String>> idsByTenant = new ConcurrentHashMap<>();
        try (Connection worker = Database.as("integration_worker")) {
            worker.setAutoCommit(false);
            Database.execute(worker, "select set_config('app.is_system_user', 'true', true)");
            for (int t = 0; t < TENANTS; t++) {
                UUID tenant = UUID.randomUUID();
                tenants.add(tenant);
                List<String> ids = new ArrayList<>();
                for (int r = 0; r < ROWS_PER_TENANT; r++) {
                    UUID id = UUID.randomUUID();
                    ids.add(id.toString());
                    Database.execute(worker, "insert into integrations (id, tenant_id, name, provider, category)"
                            + " values ('" + id + "', '" + tenant + "', '" + tenant + "#" + r + "', 'stripe', 'PAYMENT')");
                }
                idsByTenant.put(tenant, ids);
            }
            worker.commit();
        }
        Map<UUID, String> tokens = new ConcurrentHashMap<>();
        tenants.forEach(tenant -> tokens.put(tenant, token(tenant, "read")));

        ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        AtomicInteger foreignRows = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(64);
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            int kind = i % 3;
            calls.add(clients.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                UUID tenant = tenants.get(random.nextInt(TENANTS));
                String bearer = tokens.get(tenant);
                if (kind == 0) {
                    Response list = given().auth().oauth2(bearer).get("/api/v1/integrations?limit=200");
                    List<String> names = list.path("items.name");
                    if (list.statusCode() != 200 || names.size() != ROWS_PER_TENANT) {
                        violations.add("list of " + tenant + " -> " + list.statusCode() + " " + names);
                    }
                    names.stream().filter(name -> !name.startsWith(tenant + "#")).forEach(name -> {
                        foreignRows.incrementAndGet();
                        violations.add("tenant " + tenant + " saw " + name);
                    });
                } else if (kind == 1) {
                    String own = idsByTenant.get(tenant).get(random.nextInt(ROWS_PER_TENANT));
                    Response got = given().auth().oauth2(bearer).get("/api/v1/integrations/" + own);
                    if (got.statusCode() != 200 || !got.<String>path("name").startsWith(tenant + "#")) {
                        violations.add("own " + own + " of " + tenant + " -> " + got.statusCode());
                    }
                } else {
                    UUID other = tenants.get((tenants.indexOf(tenant) + 1 + random.nextInt(TENANTS - 1)) % TENANTS);
                    String foreign = idsByTenant.get(other).get(random.nextInt(ROWS_PER_TENANT));
                    int status = given().auth().oauth2(bearer).get("/api/v1/integrations/" + foreign).statusCode();
                    if (status != 404) {
                        foreignRows.incrementAndGet();
                        violations.add("tenant " + tenant + " got foreign " + foreign + " -> " + status);
                    }
                }
            }));
        }
        for (Future<?> call : calls) {
            call.get();
        }
        clients.shutdown();

        assertThat(foreignRows.get()).isZero();
        assertThat(violations).isEmpty();
        assertPooledConnectionsCarryNoTenant();
    }

    /** Takes every pooled connection at once (more requests than connections) and looks at what it carries. */
    private void assertPooledConnectionsCarryNoTenant() throws SQLException {
        List<Row> rows = Multi.createFrom().range(0, poolSize * 4)
                .onItem().transformToUni(i -> apiPool.query("select pg_backend_pid() as pid,"
                        + " coalesce(current_setting('app.current_tenant_id', true), '') as tenant,"
                        + " (select count(*) from integrations) as visible, pg_sleep(0.05)")
                        .execute()
                        .map(set -> set.iterator().next()))
                .merge(poolSize * 4)
                .collect().asList()
                .await().indefinitely();
        assertThat(rows).hasSize(poolSize * 4);
        assertThat(rows.stream().map(row -> row.getInteger("pid")).distinct().count())
                .as("distinct pooled connections inspected").isEqualTo(poolSize);
        for (Row row : rows) {
            assertThat(row.getString("tenant")).as("tenant on connection %s", row.getInteger("pid")).isEmpty();
            assertThat(row.getLong("visible")).as("rows visible on connection %s", row.getInteger("pid")).isZero();
        }
    }
}
