package io.integration.webhook.signature;

import static io.integration.webhook.signature.TestMacs.base64;
import static io.integration.webhook.signature.TestMacs.clockAt;
import static io.integration.webhook.signature.TestSecrets.flipByte;
import static io.integration.webhook.signature.TestSecrets.secrets;
import static io.integration.webhook.signature.TestSecrets.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** webhook-id / webhook-timestamp / webhook-signature with whsec_ secrets, several signatures and a tolerance. */
class StandardWebhooksSchemeTest {

    // The vector of the Standard Webhooks reference libraries, e.g. verifyWebhookSignWorks in
    // https://github.com/standard-webhooks/standard-webhooks/blob/main/libraries/java/src/test/java/com/standardwebhooks/WebhookTest.java
    // (signed content per https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md).
    static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long SPEC_TIMESTAMP = 1_614_265_330L;
    static final byte[] SPEC_BODY = utf8("{\"test\": 2432232314}");
    static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static final String NEW_SECRET = "whsec_" + Base64.getEncoder().encodeToString(utf8("a new 24-byte signing key"));
    private static final String UNRELATED = "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    private final StandardWebhooksScheme scheme =
            new StandardWebhooksScheme(clockAt(SPEC_TIMESTAMP), Duration.ofMinutes(5));

    @Test
    void verifiesTheSpecVector() {
        VerificationResult result = scheme.verify(request(SPEC_BODY, SPEC_TIMESTAMP, SPEC_SIGNATURE), secrets(SPEC_SECRET));

        assertThat(result).isEqualTo(VerificationResult.verified("standard-webhooks"));
    }

    @Test
    void acceptsTheSecretWithoutItsPrefix() {
        VerificationResult result = scheme.verify(request(SPEC_BODY, SPEC_TIMESTAMP, SPEC_SIGNATURE),
                secrets(SPEC_SECRET.substring("whsec_".length())));

        assertThat(result.isVerified()).isTrue();
    }

    @Test
    void acceptsAnyOfSeveralSignaturesAndSkipsOtherVersions() {
        String header = UNRELATED + " v1a,hnO3f9T8Ytu9HwrXslvumlUpqtNVqkhqw/enGzPCXe5BdqzCInXqYXFymVJaA7AZdpXwVLPo3mNl8EM+m7TBAg=="
                + " v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=  " + SPEC_SIGNATURE;

        assertThat(scheme.verify(request(SPEC_BODY, SPEC_TIMESTAMP, header), secrets(SPEC_SECRET)).isVerified()).isTrue();
    }

    @Test
    void doesNotAcceptTheRightMacUnderAnotherVersion() {
        String header = "v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE= " + UNRELATED;

        assertThat(scheme.verify(request(SPEC_BODY, SPEC_TIMESTAMP, header), secrets(SPEC_SECRET)).status())
                .isEqualTo(VerificationStatus.SIGNATURE_MISMATCH);
    }

    @Test
    void rejectsTheWrongSecret() {
        assertThat(scheme.verify(request(SPEC_BODY, SPEC_TIMESTAMP, SPEC_SIGNATURE), secrets(NEW_SECRET)).status())
                .isEqualTo(VerificationStatus.SIGNATURE_MISMATCH);
    }

    @Test
    void rejectsABodyWithOneByteChanged() {
        VerificationResult result = scheme.verify(request(flipByte(SPEC_BODY, 9), SPEC_TIMESTAMP, SPEC_SIGNATURE),
                secrets(SPEC_SECRET));

        assertThat(result.status()).isEqualTo(VerificationStatus.SIGNATURE_MISMATCH);
    }

    @Test
    void rejectsTheSignatureUnderAnotherId() {
        Map<String, String> headers = headers(SPEC_TIMESTAMP, SPEC_SIGNATURE);
        headers.put("webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJeK");

        assertThat(scheme.verify(WebhookRequest.of(SPEC_BODY, headers), secrets(SPEC_SECRET)).status())
                .isEqualTo(VerificationStatus.SIGNATURE_MISMATCH);
    }

    @Test
    void reportsMissingHeaders() {
        Map<String, String> noSignature = headers(SPEC_TIMESTAMP, SPEC_SIGNATURE);
        noSignature.remove("webhook-signature");
        Map<String, String> noId = headers(SPEC_TIMESTAMP, SPEC_SIGNATURE);
        noId.remove("webhook-id");
        Map<String, String> noTimestamp = headers(SPEC_TIMESTAMP, SPEC_SIGNATURE);
        noTimestamp.remove("webhook-timestamp");

        assertThat(scheme.verify(WebhookRequest.of(SPEC_BODY, noSignature), secrets(SPEC_SECRET)).status())
                .isEqualTo(VerificationStatus.MISSING_SIGNATURE);
        assertThat(scheme.verify(WebhookRequest.of(SPEC_BODY, noId), secrets(SPEC_SECRET)).status())
                .isEqualTo(VerificationStatus.MALFORMED_SIGNATURE);
        assertThat(scheme.verify(WebhookRequest.of(SPEC_BODY, noTimestamp), secrets(SPEC_SECRET)).status())
                .isEqualTo(VerificationStatus.MALFORMED_SIGNATURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "v1", "v1,", ",g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", "v1,invalid_signature", "v1,g0hM9SsE+OTPJTGt",
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=g0hM9SsE", "v1,g0hM9SsE-OTPJTGt_tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            "v1a,hnO3f9T8Ytu9HwrXslvumlUpqtNVqkhqw/enGzPCXe5BdqzCInXqYXFymVJaA7AZdpXwVLPo3mNl8EM+m7TBAg==",
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE= nonsense"})
    void reportsMalformedSignatureHeaders(String header) {
        VerificationResult result = scheme.verify(request(SPEC_BODY, SPEC_TIMESTAMP, header), secrets(SPEC_SECRET));

        assertThat(result.status()).isEqualTo(VerificationStatus.MALFORMED_SIGNATURE);
        assertThat(result.reason()).doesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "-1614265330", "1614265330.0", "1614265330000000"})
    void reportsNonNumericTimestamps(String timestamp) {
        Map<String, String> headers = headers(SPEC_TIMESTAMP, SPEC_SIGNATURE);
        headers.put("webhook-timestamp", timestamp);

        assertThat(scheme.verify(WebhookRequest.of(SPEC_BODY, headers), secrets(SPEC_SECRET)).status())
                .isEqualTo(VerificationStatus.MALFORMED_SIGNATURE);
    }

    @Test
    void rejectsAStaleAndAFutureTimestampOutsideTheTolerance() {
        assertThat(scheme.verify(signedAt(SPEC_TIMESTAMP - 301), secrets(SPEC_SECRET)).status())
                .isEqualTo(VerificationStatus.TIMESTAMP_OUT_OF_TOLERANCE);
        assertThat(scheme.verify(signedAt(SPEC_TIMESTAMP + 301), secrets(SPEC_SECRET)).status())
                .isEqualTo(VerificationStatus.TIMESTAMP_OUT_OF_TOLERANCE);
    }

    @Test
    void acceptsATimestampExactlyAtEitherEdge() {
        assertThat(scheme.verify(signedAt(SPEC_TIMESTAMP - 300), secrets(SPEC_SECRET)).isVerified()).isTrue();
        assertThat(scheme.verify(signedAt(SPEC_TIMESTAMP + 300), secrets(SPEC_SECRET)).isVerified()).isTrue();
    }

    @Test
    void acceptsEitherSecretDuringARotationOverlap() {
        String byNew = "v1," + base64(keyOf(NEW_SECRET), SPEC_ID + "." + SPEC_TIMESTAMP + "." + new String(SPEC_BODY));

        assertThat(scheme.verify(request(SPEC_BODY, SPEC_TIMESTAMP, SPEC_SIGNATURE), secrets(NEW_SECRET, SPEC_SECRET))
                .isVerified()).isTrue();
        assertThat(scheme.verify(request(SPEC_BODY, SPEC_TIMESTAMP, byNew), secrets(NEW_SECRET, SPEC_SECRET))
                .isVerified()).isTrue();
        assertThat(scheme.verify(request(SPEC_BODY, SPEC_TIMESTAMP, byNew), secrets(SPEC_SECRET)).status())
                .isEqualTo(VerificationStatus.SIGNATURE_MISMATCH);
    }

    @Test
    void skipsAnUndecodableSecretButStillUsesTheOthers() {
        VerificationResult result = scheme.verify(request(SPEC_BODY, SPEC_TIMESTAMP, SPEC_SIGNATURE),
                secrets("whsec_not*base64", SPEC_SECRET));

        assertThat(result.isVerified()).isTrue();
    }

    @Test
    void reportsOnlyUndecodableSecretsAsAConfigurationProblem() {
        VerificationResult result = scheme.verify(request(SPEC_BODY, SPEC_TIMESTAMP, SPEC_SIGNATURE),
                secrets("whsec_not*base64", "whsec_"));

        assertThat(result.status()).isEqualTo(VerificationStatus.NO_USABLE_SECRET);
        assertThat(result.reason()).doesNotContain("not*base64");
    }

    private static byte[] keyOf(String secret) {
        return Base64.getDecoder().decode(secret.substring("whsec_".length()));
    }

    private static WebhookRequest signedAt(long timestamp) {
        String signature = "v1," + base64(keyOf(SPEC_SECRET), SPEC_ID + "." + timestamp + "." + new String(SPEC_BODY));
        return request(SPEC_BODY, timestamp, signature);
    }

    private static WebhookRequest request(byte[] body, long timestamp, String signature) {
        return WebhookRequest.of(body, headers(timestamp, signature));
    }

    private static Map<String, String> headers(long timestamp, String signature) {
        Map<String, String> headers = new HashMap<>();
        headers.put("webhook-id", SPEC_ID);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", signature);
        return headers;
    }
}
