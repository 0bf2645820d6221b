package io.integration.webhook.signature;

import static io.integration.webhook.signature.TestMacs.clockAt;
import static io.integration.webhook.signature.TestMacs.hex;
import static io.integration.webhook.signature.TestSecrets.flipByte;
import static io.integration.webhook.signature.TestSecrets.secrets;
import static io.integration.webhook.signature.TestSecrets.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Stripe-Signature: t= and one or more v1= over "{t}.{body}", within the tolerance. */
class StripeSchemeTest {

    // Stripe documents the algorithm but publishes no fixed vector: https://docs.stripe.com/webhooks#verify-manually
    // ("signed_payload = timestamp + '.' + payload", HMAC-SHA256 keyed by the endpoint secret, hex, scheme v1).
    // This one was computed outside Java (Python's hmac module) from that description; the secret is used
    // whole, whsec_ prefix included, as Stripe's libraries do.
    private static final String SECRET = "whsec_test_secret";
    private static final long T = 1_700_000_000L;
    private static final byte[] BODY = utf8("{\"id\":\"evt_test_webhook\",\"object\":\"event\"}");
    private static final String V1 = "d95c6b7477fbd7e9f90b1b0ef5f9c7ac25abca5382460e0d988c2b2a5b71b990";
    private static final String OTHER_V1 = "0".repeat(64);
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    private final StripeScheme scheme = new StripeScheme(clockAt(T), FIVE_MINUTES);

    @Test
    void verifiesThePrecomputedVector() {
        VerificationResult result = scheme.verify(request(BODY, "t=" + T + ",v1=" + V1), secrets(SECRET));

        assertThat(result).isEqualTo(VerificationResult.verified("stripe"));
    }

    @Test
    void acceptsAnyV1WhenOnlyTheSecondMatches() {
        String header = "t=" + T + ",v1=" + OTHER_V1 + ",v1=" + V1 + ",v0=" + OTHER_V1;

        assertThat(scheme.verify(request(BODY, header), secrets(SECRET)).isVerified()).isTrue();
    }

    @Test
    void ignoresV0AndUnknownSchemesAndToleratesSpaces() {
        String header = "v0=" + OTHER_V1 + ", t=" + T + " , v9=whatever , v1=" + V1;

        assertThat(scheme.verify(request(BODY, header), secrets(SECRET)).isVerified()).isTrue();
    }

    @Test
    void doesNotAcceptAMatchingV0() {
        String header = "t=" + T + ",v1=" + OTHER_V1 + ",v0=" + V1;

        assertThat(scheme.verify(request(BODY, header), secrets(SECRET)).status())
                .isEqualTo(VerificationStatus.SIGNATURE_MISMATCH);
    }

    @Test
    void rejectsTheWrongSecret() {
        assertThat(scheme.verify(request(BODY, "t=" + T + ",v1=" + V1), secrets("whsec_other")).status())
                .isEqualTo(VerificationStatus.SIGNATURE_MISMATCH);
    }

    @Test
    void rejectsABodyWithOneByteChanged() {
        VerificationResult result = scheme.verify(request(flipByte(BODY, 5), "t=" + T + ",v1=" + V1), secrets(SECRET));

        assertThat(result.status()).isEqualTo(VerificationStatus.SIGNATURE_MISMATCH);
    }

    @Test
    void rejectsASignatureMovedToAnotherTimestamp() {
        VerificationResult result = scheme.verify(request(BODY, "t=" + (T + 1) + ",v1=" + V1), secrets(SECRET));

        assertThat(result.status()).isEqualTo(VerificationStatus.SIGNATURE_MISMATCH);
    }

    @Test
    void reportsAMissingHeader() {
        assertThat(scheme.verify(WebhookRequest.of(BODY, Map.of()), secrets(SECRET)).status())
                .isEqualTo(VerificationStatus.MISSING_SIGNATURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "garbage", ",", "t=", "v1=d95c6b7477fbd7e9f90b1b0ef5f9c7ac25abca5382460e0d988c2b2a5b71b990",
            "t=1700000000", "t=1700000000,v0=d95c6b7477fbd7e9f90b1b0ef5f9c7ac25abca5382460e0d988c2b2a5b71b990",
            "t=1700000000,v1=", "t=1700000000,v1=xyz", "t=1700000000,v1=d95c6b7477fbd7e9",
            "t=1700000000,v1=g95c6b7477fbd7e9f90b1b0ef5f9c7ac25abca5382460e0d988c2b2a5b71b990",
            "t=soon,v1=d95c6b7477fbd7e9f90b1b0ef5f9c7ac25abca5382460e0d988c2b2a5b71b990",
            "t=-1700000000,v1=d95c6b7477fbd7e9f90b1b0ef5f9c7ac25abca5382460e0d988c2b2a5b71b990",
            "t=99999999999999999999,v1=d95c6b7477fbd7e9f90b1b0ef5f9c7ac25abca5382460e0d988c2b2a5b71b990",
            "t=1700000000,t=1700000001,v1=d95c6b7477fbd7e9f90b1b0ef5f9c7ac25abca5382460e0d988c2b2a5b71b990",
            "=1700000000,v1=d95c6b7477fbd7e9f90b1b0ef5f9c7ac25abca5382460e0d988c2b2a5b71b990",
            "t=1700000000,v1=d95c6b7477fbd7e9f90b1b0ef5f9c7ac25abca5382460e0d988c2b2a5b71b990,"})
    void reportsMalformedHeaders(String header) {
        VerificationResult result = scheme.verify(request(BODY, header), secrets(SECRET));

        assertThat(result.status()).isEqualTo(VerificationStatus.MALFORMED_SIGNATURE);
        assertThat(result.reason()).doesNotContain(SECRET).doesNotContain(V1);
    }

    @Test
    void rejectsAStaleAndAFutureTimestampOutsideTheTolerance() {
        long stale = T - 301;
        long future = T + 301;

        assertThat(scheme.verify(signedAt(stale), secrets(SECRET)).status())
                .isEqualTo(VerificationStatus.TIMESTAMP_OUT_OF_TOLERANCE);
        assertThat(scheme.verify(signedAt(future), secrets(SECRET)).status())
                .isEqualTo(VerificationStatus.TIMESTAMP_OUT_OF_TOLERANCE);
    }

    @Test
    void acceptsATimestampExactlyAtEitherEdge() {
        assertThat(scheme.verify(signedAt(T - 300), secrets(SECRET)).isVerified()).isTrue();
        assertThat(scheme.verify(signedAt(T + 300), secrets(SECRET)).isVerified()).isTrue();
    }

    @Test
    void honoursAConfiguredTolerance() {
        StripeScheme strict = new StripeScheme(clockAt(T), Duration.ofSeconds(30));

        assertThat(strict.verify(signedAt(T - 30), secrets(SECRET)).isVerified()).isTrue();
        assertThat(strict.verify(signedAt(T - 31), secrets(SECRET)).status())
                .isEqualTo(VerificationStatus.TIMESTAMP_OUT_OF_TOLERANCE);
    }

    @Test
    void acceptsEitherSecretDuringARotationOverlap() {
        String newSecret = "whsec_new_secret";
        WebhookRequest byOld = request(BODY, "t=" + T + ",v1=" + V1);
        WebhookRequest byNew = request(BODY, "t=" + T + ",v1=" + hex(newSecret, T + "." + new String(BODY)));

        assertThat(scheme.verify(byOld, secrets(SECRET, newSecret)).isVerified()).isTrue();
        assertThat(scheme.verify(byNew, secrets(SECRET, newSecret)).isVerified()).isTrue();
        assertThat(scheme.verify(byNew, secrets(SECRET, "whsec_third")).status())
                .isEqualTo(VerificationStatus.SIGNATURE_MISMATCH);
    }

    private static WebhookRequest signedAt(long timestamp) {
        return request(BODY, "t=" + timestamp + ",v1=" + hex(SECRET, timestamp + "." + new String(BODY)));
    }

    private static WebhookRequest request(byte[] body, String header) {
        return WebhookRequest.of(body, Map.of("Stripe-Signature", header));
    }
}
