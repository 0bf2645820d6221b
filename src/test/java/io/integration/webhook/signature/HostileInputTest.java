package io.integration.webhook.signature;

import static io.integration.webhook.signature.TestMacs.clockAt;
import static io.integration.webhook.signature.TestSecrets.secrets;
import static io.integration.webhook.signature.TestSecrets.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever a sender puts in the headers, every scheme answers with a typed rejection and never throws. */
class HostileInputTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ONE_MEGABYTE = "a".repeat(1024 * 1024);
    private static final String NUL_BYTES = "v1,\0\0\0\0" + "\0".repeat(60);
    private static final String NON_ASCII = "sha256=ﬀ757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b04é17";
    private static final String HEX_WITH_NUL = "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1\0";

    private static final SignatureSchemes SCHEMES = new SignatureSchemes(clockAt(1_614_265_330L));
    private static final List<SignatureScheme> ALL = List.of(
            SCHEMES.create(SchemeSettings.of("hmac-sha256").withHeader("X-Signature")),
            SCHEMES.create(SchemeSettings.of("hmac-sha256").withHeader("X-Signature")
                    .withEncoding(SignatureEncoding.BASE64).withPrefix("sha256=")),
            SCHEMES.create(SchemeSettings.of("github")),
            SCHEMES.create(SchemeSettings.of("stripe")),
            SCHEMES.create(SchemeSettings.of("slack")),
            SCHEMES.create(SchemeSettings.of("standard-webhooks")));

    /** Every scheme's headers, each set to the same hostile value, timestamps included. */
    private static Map<String, String> everyHeader(String value) {
        Map<String, String> headers = new HashMap<>();
        for (String name : List.of("X-Signature", "X-Hub-Signature-256", "Stripe-Signature", "X-Slack-Signature",
                "X-Slack-Request-Timestamp", "webhook-id", "webhook-timestamp", "webhook-signature")) {
            headers.put(name, value);
        }
        return headers;
    }

    static Stream<Arguments> hostileHeaders() {
        List<String> values = List.of(ONE_MEGABYTE, "t=1614265330,v1=" + ONE_MEGABYTE, "v1," + ONE_MEGABYTE,
                "v1,x ".repeat(200_000), ",".repeat(1024 * 1024), NUL_BYTES, NON_ASCII, HEX_WITH_NUL,
                "t=1614265330\0,v1=" + "0".repeat(64), "t=١٦١٤٢٦٥٣٣٠,v1=" + "0".repeat(64), "\uD800", "=", "v1,=",
                "\r\n", "t=1614265330,v1=" + "0".repeat(64) + "\n");
        return ALL.stream().flatMap(scheme -> values.stream().map(value -> Arguments.of(scheme, value)));
    }

    @ParameterizedTest
    @MethodSource("hostileHeaders")
    void answersHostileHeadersWithATypedRejection(SignatureScheme scheme, String value) {
        WebhookRequest request = WebhookRequest.of(utf8("{\"test\": 2432232314}"), everyHeader(value));

        assertThatCode(() -> scheme.verify(request, secrets(SECRET))).doesNotThrowAnyException();
        VerificationResult result = scheme.verify(request, secrets(SECRET));
        assertThat(result.status()).isIn(VerificationStatus.MALFORMED_SIGNATURE, VerificationStatus.SIGNATURE_MISMATCH);
        assertThat(result.reason()).hasSizeLessThan(200).doesNotContain(SECRET);
    }

    static Stream<SignatureScheme> schemes() {
        return ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("schemes")
    void answersAHostileBodyWithATypedRejection(SignatureScheme scheme) {
        byte[] body = new byte[1024 * 1024];
        body[17] = 0;
        body[18] = (byte) 0xFF;
        WebhookRequest request = new WebhookRequest(body, Map.of());

        assertThat(scheme.verify(request, secrets(SECRET)).status()).isEqualTo(VerificationStatus.MISSING_SIGNATURE);
    }

    @ParameterizedTest
    @MethodSource("schemes")
    void answersMissingSecretsWithATypedRejection(SignatureScheme scheme) {
        WebhookRequest request = WebhookRequest.of(utf8("{}"), everyHeader("anything"));

        assertThat(scheme.verify(request, null).status()).isEqualTo(VerificationStatus.NO_USABLE_SECRET);
        assertThat(scheme.verify(request, List.of()).status()).isEqualTo(VerificationStatus.NO_USABLE_SECRET);
    }
}
