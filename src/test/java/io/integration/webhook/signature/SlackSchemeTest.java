package io.integration.webhook.signature;

import static io.integration.webhook.signature.TestMacs.clockAt;
import static io.integration.webhook.signature.TestMacs.hex;
import static io.integration.webhook.signature.TestSecrets.flipByte;
import static io.integration.webhook.signature.TestSecrets.secrets;
import static io.integration.webhook.signature.TestSecrets.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** X-Slack-Signature: v0= over "v0:{timestamp}:{body}", within the tolerance. */
class SlackSchemeTest {

    // The walk-through example of Slack's "Verifying requests from Slack":
    // https://api.slack.com/authentication/verifying-requests-from-slack (now docs.slack.dev/authentication/...).
    // The body is the slash-command example as Slack's own SDK test pins it (slackapi/python-slack-sdk,
    // tests/slack_sdk/signature/test_signature_verifier.py), and it reproduces the documented signature.
    private static final String DOC_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final long DOC_TIMESTAMP = 1_531_420_618L;
    private static final byte[] DOC_BODY = utf8("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J"
            + "&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA"
            + "&user_name=roadrunner&command=%2Fwebhook-collect&text="
            + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
            + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c");
    private static final String DOC_SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    private final SlackScheme scheme = new SlackScheme(clockAt(DOC_TIMESTAMP), FIVE_MINUTES);

    @Test
    void verifiesSlacksDocumentedExample() {
        VerificationResult result = scheme.verify(request(DOC_BODY, DOC_TIMESTAMP, DOC_SIGNATURE), secrets(DOC_SECRET));

        assertThat(result).isEqualTo(VerificationResult.verified("slack"));
    }

    @Test
    void rejectsTheWrongSecret() {
        VerificationResult result = scheme.verify(request(DOC_BODY, DOC_TIMESTAMP, DOC_SIGNATURE),
                secrets("8f742231b10e8888abcd99yyyzzz85a6"));

        assertThat(result.status()).isEqualTo(VerificationStatus.SIGNATURE_MISMATCH);
    }

    @Test
    void rejectsABodyWithOneByteChanged() {
        VerificationResult result = scheme.verify(request(flipByte(DOC_BODY, 40), DOC_TIMESTAMP, DOC_SIGNATURE),
                secrets(DOC_SECRET));

        assertThat(result.status()).isEqualTo(VerificationStatus.SIGNATURE_MISMATCH);
    }

    @Test
    void rejectsTheSignatureUnderAnotherTimestamp() {
        VerificationResult result = scheme.verify(request(DOC_BODY, DOC_TIMESTAMP + 1, DOC_SIGNATURE),
                secrets(DOC_SECRET));

        assertThat(result.status()).isEqualTo(VerificationStatus.SIGNATURE_MISMATCH);
    }

    @Test
    void reportsAMissingSignatureAndAMissingTimestamp() {
        Map<String, String> onlyTimestamp = Map.of("X-Slack-Request-Timestamp", Long.toString(DOC_TIMESTAMP));
        Map<String, String> onlySignature = Map.of("X-Slack-Signature", DOC_SIGNATURE);

        assertThat(scheme.verify(WebhookRequest.of(DOC_BODY, onlyTimestamp), secrets(DOC_SECRET)).status())
                .isEqualTo(VerificationStatus.MISSING_SIGNATURE);
        assertThat(scheme.verify(WebhookRequest.of(DOC_BODY, onlySignature), secrets(DOC_SECRET)).status())
                .isEqualTo(VerificationStatus.MALFORMED_SIGNATURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "v0=", "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
            "a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
            "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50",
            "v0=z2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"})
    void reportsMalformedSignatures(String signature) {
        VerificationResult result = scheme.verify(request(DOC_BODY, DOC_TIMESTAMP, signature), secrets(DOC_SECRET));

        assertThat(result.status()).isEqualTo(VerificationStatus.MALFORMED_SIGNATURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "-1531420618", "+1531420618", "1531420618.5", "1e9", "١٥٣١٤٢٠٦١٨",
            "99999999999999999999"})
    void reportsNonNumericTimestamps(String timestamp) {
        Map<String, String> headers = new HashMap<>();
        headers.put("X-Slack-Request-Timestamp", timestamp);
        headers.put("X-Slack-Signature", DOC_SIGNATURE);

        VerificationResult result = scheme.verify(WebhookRequest.of(DOC_BODY, headers), secrets(DOC_SECRET));

        assertThat(result.status()).isEqualTo(VerificationStatus.MALFORMED_SIGNATURE);
    }

    @Test
    void rejectsAStaleAndAFutureTimestampOutsideTheTolerance() {
        assertThat(scheme.verify(signedAt(DOC_TIMESTAMP - 301), secrets(DOC_SECRET)).status())
                .isEqualTo(VerificationStatus.TIMESTAMP_OUT_OF_TOLERANCE);
        assertThat(scheme.verify(signedAt(DOC_TIMESTAMP + 301), secrets(DOC_SECRET)).status())
                .isEqualTo(VerificationStatus.TIMESTAMP_OUT_OF_TOLERANCE);
    }

    @Test
    void acceptsATimestampExactlyAtEitherEdge() {
        assertThat(scheme.verify(signedAt(DOC_TIMESTAMP - 300), secrets(DOC_SECRET)).isVerified()).isTrue();
        assertThat(scheme.verify(signedAt(DOC_TIMESTAMP + 300), secrets(DOC_SECRET)).isVerified()).isTrue();
    }

    @Test
    void rejectsTheDocumentedRequestReplayedAnHourLater() {
        SlackScheme later = new SlackScheme(clockAt(DOC_TIMESTAMP + 3600), FIVE_MINUTES);

        assertThat(later.verify(request(DOC_BODY, DOC_TIMESTAMP, DOC_SIGNATURE), secrets(DOC_SECRET)).status())
                .isEqualTo(VerificationStatus.TIMESTAMP_OUT_OF_TOLERANCE);
    }

    @Test
    void acceptsEitherSecretDuringARotationOverlap() {
        String newSecret = "a-freshly-rotated-signing-secret";
        String byNew = "v0=" + hex(newSecret, "v0:" + DOC_TIMESTAMP + ":" + new String(DOC_BODY));

        assertThat(scheme.verify(request(DOC_BODY, DOC_TIMESTAMP, DOC_SIGNATURE), secrets(newSecret, DOC_SECRET))
                .isVerified()).isTrue();
        assertThat(scheme.verify(request(DOC_BODY, DOC_TIMESTAMP, byNew), secrets(newSecret, DOC_SECRET))
                .isVerified()).isTrue();
        assertThat(scheme.verify(request(DOC_BODY, DOC_TIMESTAMP, byNew), secrets(DOC_SECRET, "a third")).status())
                .isEqualTo(VerificationStatus.SIGNATURE_MISMATCH);
    }

    private static WebhookRequest signedAt(long timestamp) {
        return request(DOC_BODY, timestamp, "v0=" + hex(DOC_SECRET, "v0:" + timestamp + ":" + new String(DOC_BODY)));
    }

    private static WebhookRequest request(byte[] body, long timestamp, String signature) {
        return WebhookRequest.of(body, Map.of(
                "X-Slack-Request-Timestamp", Long.toString(timestamp),
                "X-Slack-Signature", signature));
    }
}
