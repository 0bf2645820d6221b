package io.integration.webhook.signature;

import static io.integration.webhook.signature.StandardWebhooksSchemeTest.SPEC_BODY;
import static io.integration.webhook.signature.StandardWebhooksSchemeTest.SPEC_ID;
import static io.integration.webhook.signature.StandardWebhooksSchemeTest.SPEC_SECRET;
import static io.integration.webhook.signature.StandardWebhooksSchemeTest.SPEC_SIGNATURE;
import static io.integration.webhook.signature.StandardWebhooksSchemeTest.SPEC_TIMESTAMP;
import static io.integration.webhook.signature.TestMacs.clockAt;
import static io.integration.webhook.signature.TestSecrets.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The signer reproduces the spec vector and what it signs, the verifier accepts. */
class StandardWebhooksSignerTest {

    private static final Instant SPEC_INSTANT = Instant.ofEpochSecond(SPEC_TIMESTAMP);
    private static final byte[] NEW_SECRET = utf8(StandardWebhooksSecret.encode(utf8("another key of 24 bytes!")));

    private final StandardWebhooksSigner signer = new StandardWebhooksSigner();
    private final StandardWebhooksScheme verifier =
            new StandardWebhooksScheme(clockAt(SPEC_TIMESTAMP), Duration.ofMinutes(5));

    @Test
    void reproducesTheSpecVector() {
        StandardWebhooksHeaders headers = signer.sign(SPEC_ID, SPEC_INSTANT, SPEC_BODY, utf8(SPEC_SECRET));

        assertThat(headers).isEqualTo(new StandardWebhooksHeaders(SPEC_ID, "1614265330", SPEC_SIGNATURE));
        assertThat(headers.asMap()).containsExactly(
                Map.entry("webhook-id", SPEC_ID),
                Map.entry("webhook-timestamp", "1614265330"),
                Map.entry("webhook-signature", SPEC_SIGNATURE));
    }

    @Test
    void roundTripsThroughTheVerifier() {
        byte[] body = utf8("{\"type\":\"order.created\",\"data\":{\"id\":\"ord_1\",\"note\":\"caf\u00e9\"}}");
        StandardWebhooksHeaders headers = signer.sign("evt_42", SPEC_INSTANT.plusSeconds(12), body, NEW_SECRET);

        VerificationResult result = verifier.verify(WebhookRequest.of(body, headers.asMap()), List.of(NEW_SECRET));

        assertThat(result.isVerified()).isTrue();
    }

    @Test
    void signsWithEverySecretSoEitherVerifiesDuringARotation() {
        StandardWebhooksHeaders headers =
                signer.sign(SPEC_ID, SPEC_INSTANT, SPEC_BODY, List.of(utf8(SPEC_SECRET), NEW_SECRET));
        WebhookRequest request = WebhookRequest.of(SPEC_BODY, headers.asMap());

        assertThat(headers.signature()).startsWith(SPEC_SIGNATURE + " v1,");
        assertThat(verifier.verify(request, List.of(utf8(SPEC_SECRET))).isVerified()).isTrue();
        assertThat(verifier.verify(request, List.of(NEW_SECRET)).isVerified()).isTrue();
        assertThat(verifier.verify(request, List.of(utf8("whsec_" + "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB"))).status())
                .isEqualTo(VerificationStatus.SIGNATURE_MISMATCH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "msg.1", "msg 1", "msg\u00e91", "msg\n1"})
    void refusesIdsThatWouldMakeTheSignedContentAmbiguous(String id) {
        assertThatThrownBy(() -> signer.sign(id, SPEC_INSTANT, SPEC_BODY, utf8(SPEC_SECRET)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnUndecodableSecretWithoutEchoingIt() {
        assertThatThrownBy(() -> signer.sign(SPEC_ID, SPEC_INSTANT, SPEC_BODY, utf8("whsec_sup3r*secret")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("sup3r");
        assertThatThrownBy(() -> signer.sign(SPEC_ID, SPEC_INSTANT, SPEC_BODY, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void encodesAndDecodesTheSecretFormat() {
        byte[] key = utf8("exactly twenty-four byte");

        assertThat(StandardWebhooksSecret.encode(key)).startsWith("whsec_");
        assertThat(StandardWebhooksSecret.decodeKey(utf8(StandardWebhooksSecret.encode(key)))).hasValue(key);
        assertThat(StandardWebhooksSecret.decodeKey(utf8("whsec_"))).isEmpty();
        assertThat(StandardWebhooksSecret.decodeKey(new byte[0])).isEmpty();
    }
}
