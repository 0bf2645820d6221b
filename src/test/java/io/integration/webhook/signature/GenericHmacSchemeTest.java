package io.integration.webhook.signature;

import static io.integration.webhook.signature.TestSecrets.flipByte;
import static io.integration.webhook.signature.TestSecrets.secrets;
import static io.integration.webhook.signature.TestSecrets.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The configurable HMAC-SHA256 scheme in hex and base64, with and without a prefix. */
class GenericHmacSchemeTest {

    // No provider owns this scheme, so the expected values were computed once outside Java (Python's hmac module)
    // from the algorithm: HMAC-SHA256(key "generic-secret", body), written as hex and as padded base64.
    private static final String SECRET = "generic-secret";
    private static final byte[] BODY = utf8("{\"id\":\"evt_test_webhook\",\"object\":\"event\"}");
    private static final String HEX = "8f949157ff92cd536254468b3dc96930b2dd96265761ebef9c1e2d6e35907d09";
    private static final String BASE64 = "j5SRV/+SzVNiVEaLPclpMLLdliZXYevvnB4tbjWQfQk=";

    @Test
    void verifiesHexWithoutPrefix() {
        GenericHmacScheme scheme = new GenericHmacScheme("X-Signature", SignatureEncoding.HEX, null);

        VerificationResult result = scheme.verify(request("X-Signature", HEX), secrets(SECRET));

        assertThat(result).isEqualTo(VerificationResult.verified("hmac-sha256"));
    }

    @Test
    void verifiesBase64WithAPrefix() {
        GenericHmacScheme scheme = new GenericHmacScheme("X-Webhook-Signature", SignatureEncoding.BASE64, "sha256=");

        assertThat(scheme.verify(request("x-webhook-signature", "sha256=" + BASE64), secrets(SECRET)).isVerified())
                .isTrue();
    }

    @Test
    void verifiesUnpaddedBase64() {
        GenericHmacScheme scheme = new GenericHmacScheme("X-Signature", SignatureEncoding.BASE64, "");

        assertThat(scheme.verify(request("X-Signature", BASE64.substring(0, 43)), secrets(SECRET)).isVerified())
                .isTrue();
    }

    @Test
    void rejectsTheWrongSecretAndAModifiedBody() {
        GenericHmacScheme scheme = new GenericHmacScheme("X-Signature", SignatureEncoding.HEX, "");

        assertThat(scheme.verify(request("X-Signature", HEX), secrets("generic-secreT")).status())
                .isEqualTo(VerificationStatus.SIGNATURE_MISMATCH);
        assertThat(scheme.verify(WebhookRequest.of(flipByte(BODY, 0), Map.of("X-Signature", HEX)), secrets(SECRET))
                .status()).isEqualTo(VerificationStatus.SIGNATURE_MISMATCH);
    }

    @Test
    void reportsAMissingHeader() {
        GenericHmacScheme scheme = new GenericHmacScheme("X-Signature", SignatureEncoding.HEX, "");

        assertThat(scheme.verify(request("X-Other", HEX), secrets(SECRET)).status())
                .isEqualTo(VerificationStatus.MISSING_SIGNATURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "sha256", "sha256=", "sha256=not base64 at all!!!!!!!!!!!!!!!!!!!!!",
            "sha256=j5SRV/+SzVNiVEaLPclpMLLdliZXYevvnB4tbjWQfQ==", "sha256=j5SRV_-SzVNiVEaLPclpMLLdliZXYevvnB4tbjWQfQk="})
    void reportsMalformedBase64(String header) {
        GenericHmacScheme scheme = new GenericHmacScheme("X-Signature", SignatureEncoding.BASE64, "sha256=");

        assertThat(scheme.verify(request("X-Signature", header), secrets(SECRET)).status())
                .isEqualTo(VerificationStatus.MALFORMED_SIGNATURE);
    }

    @Test
    void reportsMissingSecretsAsAConfigurationProblem() {
        GenericHmacScheme scheme = new GenericHmacScheme("X-Signature", SignatureEncoding.HEX, "");

        assertThat(scheme.verify(request("X-Signature", HEX), List.of()).status())
                .isEqualTo(VerificationStatus.NO_USABLE_SECRET);
        assertThat(scheme.verify(request("X-Signature", HEX), java.util.Arrays.asList(null, new byte[0])).status())
                .isEqualTo(VerificationStatus.NO_USABLE_SECRET);
    }

    @Test
    void acceptsEitherSecretDuringARotationOverlap() {
        GenericHmacScheme scheme = new GenericHmacScheme("X-Signature", SignatureEncoding.HEX, "");

        assertThat(scheme.verify(request("X-Signature", HEX), secrets("new-secret", SECRET)).isVerified()).isTrue();
        assertThat(scheme.verify(request("X-Signature", HEX), secrets("new-secret", "newer-secret")).status())
                .isEqualTo(VerificationStatus.SIGNATURE_MISMATCH);
    }

    @Test
    void needsAHeaderName() {
        assertThatThrownBy(() -> new GenericHmacScheme(" ", SignatureEncoding.HEX, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static WebhookRequest request(String header, String value) {
        return WebhookRequest.of(BODY, Map.of(header, value));
    }
}
