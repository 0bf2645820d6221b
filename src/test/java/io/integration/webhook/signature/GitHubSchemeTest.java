package io.integration.webhook.signature;

import static io.integration.webhook.signature.TestSecrets.flipByte;
import static io.integration.webhook.signature.TestSecrets.secrets;
import static io.integration.webhook.signature.TestSecrets.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GitHub's X-Hub-Signature-256 against the documented example and the usual forgeries. */
class GitHubSchemeTest {

    // Test values from GitHub's documentation, "Validating webhook deliveries" > "Testing the webhook payload
    // validation": https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries
    private static final String DOC_SECRET = "It's a Secret to Everybody";
    private static final byte[] DOC_PAYLOAD = utf8("Hello, World!");
    private static final String DOC_SIGNATURE =
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    private final GitHubScheme scheme = new GitHubScheme();

    @Test
    void verifiesGitHubsDocumentedExample() {
        VerificationResult result = scheme.verify(request(DOC_PAYLOAD, DOC_SIGNATURE), secrets(DOC_SECRET));

        assertThat(result).isEqualTo(VerificationResult.verified("github"));
    }

    @Test
    void acceptsUpperCaseHexAndAnyHeaderCase() {
        WebhookRequest request = WebhookRequest.of(DOC_PAYLOAD,
                Map.of("x-hub-signature-256", "sha256=" + DOC_SIGNATURE.substring(7).toUpperCase()));

        assertThat(scheme.verify(request, secrets(DOC_SECRET)).isVerified()).isTrue();
    }

    @Test
    void rejectsTheWrongSecret() {
        VerificationResult result = scheme.verify(request(DOC_PAYLOAD, DOC_SIGNATURE), secrets("It's a Secret to Nobody"));

        assertThat(result.status()).isEqualTo(VerificationStatus.SIGNATURE_MISMATCH);
        assertThat(result.scheme()).isEqualTo("github");
    }

    @Test
    void rejectsABodyWithOneByteChanged() {
        VerificationResult result = scheme.verify(request(flipByte(DOC_PAYLOAD, 12), DOC_SIGNATURE), secrets(DOC_SECRET));

        assertThat(result.status()).isEqualTo(VerificationStatus.SIGNATURE_MISMATCH);
    }

    @Test
    void reportsAMissingHeader() {
        VerificationResult result = scheme.verify(WebhookRequest.of(DOC_PAYLOAD, Map.of()), secrets(DOC_SECRET));

        assertThat(result.status()).isEqualTo(VerificationStatus.MISSING_SIGNATURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "garbage", "sha256=", "sha1=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
            "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1",
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1z",
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17ff"})
    void reportsMalformedSignatures(String header) {
        VerificationResult result = scheme.verify(request(DOC_PAYLOAD, header), secrets(DOC_SECRET));

        assertThat(result.status()).isEqualTo(VerificationStatus.MALFORMED_SIGNATURE);
        assertThat(result.reason()).doesNotContain(DOC_SECRET);
    }

    @Test
    void acceptsEitherSecretDuringARotationOverlap() {
        String otherSecret = "the new secret";

        assertThat(scheme.verify(request(DOC_PAYLOAD, DOC_SIGNATURE), secrets(otherSecret, DOC_SECRET)).isVerified())
                .isTrue();
        assertThat(scheme.verify(request(DOC_PAYLOAD, DOC_SIGNATURE), secrets(DOC_SECRET, otherSecret)).isVerified())
                .isTrue();
        assertThat(scheme.verify(request(DOC_PAYLOAD, DOC_SIGNATURE), secrets(otherSecret, "a third")).status())
                .isEqualTo(VerificationStatus.SIGNATURE_MISMATCH);
    }

    private static WebhookRequest request(byte[] body, String signature) {
        return WebhookRequest.of(body, Map.of("X-Hub-Signature-256", signature));
    }
}
