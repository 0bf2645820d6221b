package io.integration.webhook.signature;

import static io.integration.webhook.signature.StandardWebhooksSchemeTest.SPEC_BODY;
import static io.integration.webhook.signature.StandardWebhooksSchemeTest.SPEC_ID;
import static io.integration.webhook.signature.StandardWebhooksSchemeTest.SPEC_SECRET;
import static io.integration.webhook.signature.StandardWebhooksSchemeTest.SPEC_SIGNATURE;
import static io.integration.webhook.signature.StandardWebhooksSchemeTest.SPEC_TIMESTAMP;
import static io.integration.webhook.signature.TestMacs.clockAt;
import static io.integration.webhook.signature.TestSecrets.secrets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Provider definitions map to the right scheme; unknown ids and settings that do not apply are refused. */
class SignatureSchemesTest {

    private final SignatureSchemes schemes = new SignatureSchemes(clockAt(SPEC_TIMESTAMP));

    @ParameterizedTest
    @CsvSource({
            "stripe, io.integration.webhook.signature.StripeScheme",
            "github, io.integration.webhook.signature.GitHubScheme",
            "slack, io.integration.webhook.signature.SlackScheme",
            "standard-webhooks, io.integration.webhook.signature.StandardWebhooksScheme"})
    void createsEachProviderScheme(String id, Class<?> type) {
        SignatureScheme scheme = schemes.create(SchemeSettings.of(id));

        assertThat(scheme).isInstanceOf(type);
        assertThat(scheme.name()).isEqualTo(id);
    }

    @Test
    void createsAConfiguredGenericScheme() {
        SignatureScheme scheme = schemes.create(SchemeSettings.of("hmac-sha256")
                .withHeader("X-Signature").withEncoding(SignatureEncoding.fromId("base64")).withPrefix("sha256="));
        WebhookRequest request = WebhookRequest.of(TestSecrets.utf8("{\"id\":\"evt_test_webhook\",\"object\":\"event\"}"),
                Map.of("X-Signature", "sha256=j5SRV/+SzVNiVEaLPclpMLLdliZXYevvnB4tbjWQfQk="));

        assertThat(scheme.name()).isEqualTo("hmac-sha256");
        assertThat(scheme.verify(request, secrets("generic-secret")).isVerified()).isTrue();
    }

    @Test
    void appliesTheDefaultAndAConfiguredTolerance() {
        WebhookRequest tenMinutesOld = WebhookRequest.of(SPEC_BODY, Map.of(
                "webhook-id", SPEC_ID, "webhook-timestamp", Long.toString(SPEC_TIMESTAMP), "webhook-signature", SPEC_SIGNATURE));
        SignatureSchemes tenMinutesLater = new SignatureSchemes(clockAt(SPEC_TIMESTAMP + 600));

        assertThat(tenMinutesLater.create(SchemeSettings.of("standard-webhooks")).verify(tenMinutesOld, secrets(SPEC_SECRET))
                .status()).isEqualTo(VerificationStatus.TIMESTAMP_OUT_OF_TOLERANCE);
        assertThat(tenMinutesLater.create(SchemeSettings.of("standard-webhooks").withTolerance(Duration.ofMinutes(10)))
                .verify(tenMinutesOld, secrets(SPEC_SECRET)).isVerified()).isTrue();
    }

    @Test
    void refusesAnUnknownSchemeNamingTheKnownOnes() {
        assertThatThrownBy(() -> schemes.create(SchemeSettings.of("shopify")))
                .isInstanceOf(UnknownSignatureSchemeException.class)
                .hasMessageContaining("'shopify'")
                .hasMessageContaining("hmac-sha256, stripe, github, slack, standard-webhooks")
                .satisfies(e -> assertThat(((UnknownSignatureSchemeException) e).schemeId()).isEqualTo("shopify"));
        assertThatThrownBy(() -> schemes.create(SchemeSettings.of(null)))
                .isInstanceOf(UnknownSignatureSchemeException.class);
        assertThatThrownBy(() -> schemes.create(SchemeSettings.of("Stripe")))
                .isInstanceOf(UnknownSignatureSchemeException.class);
    }

    @Test
    void refusesAGenericSchemeWithoutAHeader() {
        assertThatThrownBy(() -> schemes.create(SchemeSettings.of("hmac-sha256")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("header");
    }

    @Test
    void refusesSettingsTheSchemeHasNoUseFor() {
        assertThatThrownBy(() -> schemes.create(SchemeSettings.of("github").withTolerance(Duration.ofMinutes(1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tolerance");
        assertThatThrownBy(() -> schemes.create(SchemeSettings.of("stripe").withHeader("X-Other")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("header");
        assertThatThrownBy(() -> schemes.create(SchemeSettings.of("slack").withEncoding(SignatureEncoding.BASE64)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("encoding");
        assertThatThrownBy(() -> schemes.create(SchemeSettings.of("hmac-sha256").withHeader("X-Sig")
                .withTolerance(Duration.ofMinutes(1)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> schemes.create(SchemeSettings.of("stripe").withTolerance(Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnUnknownEncoding() {
        assertThat(SignatureEncoding.fromId("HEX")).isEqualTo(SignatureEncoding.HEX);
        assertThatThrownBy(() -> SignatureEncoding.fromId("base32")).isInstanceOf(IllegalArgumentException.class);
    }
}
