package io.integration.credential.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The encryption context has one canonical byte form and a JSON form that round-trips. */
class EncryptionContextTest {

    private static final UUID TENANT = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");
    private static final UUID ROW = UUID.fromString("ffeeddcc-bbaa-9988-7766-554433221100");
    private static final EncryptionContext CONTEXT = EncryptionContext.of(TENANT, "venue_api_keys", "api_secret", ROW);

    @Test
    void canonicalBytesAreLengthPrefixed() {
        assertThat(HexFormat.of().formatHex(CONTEXT.canonicalBytes())).isEqualTo("01"
                + "00112233445566778899aabbccddeeff"
                + "0e" + HexFormat.of().formatHex("venue_api_keys".getBytes())
                + "0a" + HexFormat.of().formatHex("api_secret".getBytes())
                + "ffeeddccbbaa99887766554433221100");
    }

    @Test
    void tableAndColumnBoundariesCannotBeShifted() {
        EncryptionContext shifted = EncryptionContext.of(TENANT, "venue_api_keys_api", "secret", ROW);
        assertThat(shifted.canonicalBytes()).isNotEqualTo(CONTEXT.canonicalBytes());
    }

    @Test
    void jsonRoundTrips() {
        String json = CONTEXT.toJson();
        assertThat(json).isEqualTo("{\"tenant\":\"00112233-4455-6677-8899-aabbccddeeff\",\"table\":\"venue_api_keys\","
                + "\"column\":\"api_secret\",\"row\":\"ffeeddcc-bbaa-9988-7766-554433221100\"}");
        assertThat(EncryptionContext.fromJson(json)).isEqualTo(CONTEXT);
        assertThat(EncryptionContext.fromJson(" { \"row\" : \"" + ROW + "\", \"column\":\"api_secret\", "
                + "\"table\":\"venue_api_keys\", \"tenant\":\"" + TENANT + "\" } ")).isEqualTo(CONTEXT);
        assertThat(CONTEXT.toMap()).containsOnlyKeys("tenant", "table", "column", "row");
    }

    @Test
    void rejectsIncompleteOrExtraJsonMembers() {
        assertThatThrownBy(() -> EncryptionContext.fromJson("{\"tenant\":\"" + TENANT + "\"}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EncryptionContext.fromJson(CONTEXT.toJson().replace("}", ",\"x\":\"y\"}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EncryptionContext.fromJson(CONTEXT.toJson().replace("}", ",}")))
                .isInstanceOf(IllegalArgumentException.class);
        String duplicated = CONTEXT.toJson().replace("{", "{\"table\":\"other\",");
        assertThatThrownBy(() -> EncryptionContext.fromJson(duplicated)).hasMessageContaining("duplicate member");
        assertThatThrownBy(() -> EncryptionContext.fromJson("not json")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EncryptionContext.fromJson(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNonIdentifierTableOrColumn() {
        assertThatThrownBy(() -> EncryptionContext.of(TENANT, "Bad Table", "c", ROW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EncryptionContext.of(TENANT, "t", "c\"", ROW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EncryptionContext.of(null, "t", "c", ROW)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void keyRefParsesBothForms() {
        assertThat(KeyRef.parse("kek:3")).isEqualTo(new KeyRef("kek", 3));
        assertThat(KeyRef.parse("kek:v3")).isEqualTo(new KeyRef("kek", 3));
        assertThat(KeyRef.fromLabel("kek.v3")).isEqualTo(new KeyRef("kek", 3));
        assertThat(KeyRef.fromLabel("..data")).isNull();
        assertThat(new KeyRef("kek", 3).label()).isEqualTo("kek.v3");
        assertThatThrownBy(() -> KeyRef.parse("kek")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyRef("kek", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
