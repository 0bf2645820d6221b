package io.integration.credential.vault;

import static io.integration.support.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.integration.credential.envelope.EnvelopeEncryptor;
import io.integration.credential.rotation.KeyRotationJob;
import io.integration.support.Database;
import io.integration.support.Secrets;
import io.integration.tenancy.TenantId;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Every secret column of the secret tables (connections, oauth_tokens, venue_api_keys, integration_configs,
 * oauth_authorization_states) is sealed
 * through the vault, stored as ciphertext only, and re-wrapped by a rotation to a value that still opens.
 */
@QuarkusTest
class SecretColumnsRotationTest {

    private static final String ADMIN = "/api/v1/admin/kms";

    @Inject
    CredentialVault vault;

    @Inject
    EnvelopeEncryptor encryptor;

    @Inject
    KeyRotationJob job;

    @Test
    void everySecretColumnIsSealedStoredAsCiphertextAndSurvivesRotation() throws SQLException {
        TenantId tenant = new TenantId(UUID.randomUUID());
        Map<SecretTable, UUID> rows = insertOneRowPerSecretTable(tenant);
        Map<String, String> plaintexts = new HashMap<>();

        try (Connection worker = Database.as("integration_worker")) {
            worker.setAutoCommit(false);
            Database.execute(worker, "select set_config('app.current_tenant_id', '" + tenant + "', true)");
            for (SecretTable table : SecretTable.values()) {
                UUID id = rows.get(table);
                for (String column : table.secretColumns()) {
                    String secret = Secrets.newSecret();
                    plaintexts.put(table.table() + "." + column, secret);
                    try (PreparedStatement update = worker.prepareStatement("update " + table.table() + " set " + column
                            + " = ?, kms_key_id = ? where id = ?")) {
                        update.setBytes(1, vault.seal(tenant, table, column, id, secret));
                        update.setString(2, vault.activeKeyId());
                        update.setObject(3, id);
                        assertThat(update.executeUpdate()).isEqualTo(1);
                    }
                }
            }
            worker.commit();
        }
        assertCiphertextOnlyAndOpens(tenant, rows, plaintexts, vault.activeKeyId());

        String next = nextKey(activeKey());
        given().auth().oauth2(system()).contentType(ContentType.JSON).body("{\"keyRef\":\"" + next + "\"}")
                .when().post(ADMIN + "/keys/active").then().statusCode(200);
        String runId = given().auth().oauth2(system()).when().post(ADMIN + "/rotations")
                .then().statusCode(202).extract().path("id");
        for (int i = 0; i < 50 && "RUNNING".equals(status(runId)); i++) {
            job.work(1_000).await().indefinitely();
        }
        given().auth().oauth2(system()).when().get(ADMIN + "/rotations/" + runId)
                .then().statusCode(200).body("status", equalTo("COMPLETED"));

        assertCiphertextOnlyAndOpens(tenant, rows, plaintexts, next);
    }

    private void assertCiphertextOnlyAndOpens(TenantId tenant, Map<SecretTable, UUID> rows,
            Map<String, String> plaintexts, String expectedKey) throws SQLException {
        try (Connection db = Database.superuser()) {
            for (SecretTable table : SecretTable.values()) {
                UUID id = rows.get(table);
                try (PreparedStatement query = db.prepareStatement("select *, row_to_json(t)::text as whole_row from "
                        + table.table() + " t where id = ?")) {
                    query.setObject(1, id);
                    try (ResultSet row = query.executeQuery()) {
                        assertThat(row.next()).isTrue();
                        assertThat(row.getString("kms_key_id")).as(table.table()).isEqualTo(expectedKey);
                        assertThat(row.getString("whole_row")).doesNotContain(Secrets.PREFIX);
                        for (String column : table.secretColumns()) {
                            byte[] blob = row.getBytes(column);
                            assertThat(new String(blob, StandardCharsets.ISO_8859_1)).doesNotContain(Secrets.PREFIX);
                            assertThat(encryptor.keyRefOf(blob).toString()).isEqualTo(expectedKey);
                            assertThat(vault.open(tenant, table, column, id, blob)).as("%s.%s", table.table(), column)
                                    .isEqualTo(plaintexts.get(table.table() + "." + column));
                        }
                    }
                }
            }
        }
    }

    private static Map<SecretTable, UUID> insertOneRowPerSecretTable(TenantId tenant) throws SQLException {
        Map<String, String> inserts = Database.insertsForTenant(tenant.value());
        Map<SecretTable, UUID> ids = new HashMap<>();
        try (Connection worker = Database.as("integration_worker")) {
            worker.setAutoCommit(false);
            Database.execute(worker, "select set_config('app.current_tenant_id', '" + tenant + "', true)");
            for (String table : List.of("integrations", "connections", "oauth_tokens", "venue_api_keys", "integration_configs",
                    "oauth_authorization_states")) {
                Database.execute(worker, inserts.get(table));
            }
            for (SecretTable table : SecretTable.values()) {
                try (PreparedStatement query = worker.prepareStatement("select id from " + table.table() + " limit 2");
                        ResultSet row = query.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    ids.put(table, row.getObject(1, UUID.class));
                    assertThat(row.next()).as("one row of %s for the tenant", table.table()).isFalse();
                }
            }
            worker.commit();
        }
        return ids;
    }

    private static String system() {
        return token(UUID.randomUUID(), "system");
    }

    private static String status(String runId) {
        return given().auth().oauth2(system()).when().get(ADMIN + "/rotations/" + runId).then().extract().path("status");
    }

    private static String activeKey() {
        List<Map<String, Object>> keys = given().auth().oauth2(system()).when().get(ADMIN + "/keys")
                .then().statusCode(200).extract().path("");
        return keys.stream().filter(k -> "ACTIVE".equals(k.get("state"))).map(k -> (String) k.get("keyRef"))
                .findFirst().orElseThrow();
    }

    private static String nextKey(String active) {
        return "test:" + (Integer.parseInt(active.substring(active.indexOf(':') + 1)) + 1);
    }
}
