package io.integration.webhook.signature;

import static io.integration.webhook.signature.TestSecrets.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request keeps its body byte for byte and finds headers whatever their case. */
class WebhookRequestTest {

    @Test
    void looksUpHeadersCaseInsensitively() {
        WebhookRequest request = WebhookRequest.of(utf8("{}"), Map.of("Stripe-Signature", "t=1,v1=ab"));

        assertThat(request.header("stripe-signature")).contains("t=1,v1=ab");
        assertThat(request.header("STRIPE-SIGNATURE")).contains("t=1,v1=ab");
        assertThat(request.header("X-Other")).isEmpty();
    }

    @Test
    void mergesTheSameHeaderSpelledInDifferentCasesAndReturnsTheFirstValue() {
        Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        headers.put("X-Sig", List.of("first"));
        headers.put("x-sig", List.of("second"));

        assertThat(new WebhookRequest(utf8(""), headers).header("X-SIG")).contains("first");
    }

    @Test
    void ignoresNullNamesAndValues() {
        Map<String, String> headers = new HashMap<>();
        headers.put(null, "status line");
        headers.put("X-Empty", null);

        WebhookRequest request = WebhookRequest.of(utf8(""), headers);

        assertThat(request.header("X-Empty")).isEmpty();
    }

    @Test
    void keepsItsOwnCopyOfTheBody() {
        byte[] body = utf8("original");
        WebhookRequest request = WebhookRequest.of(body, Map.of());
        body[0] = 'X';
        request.body()[1] = 'Y';

        assertThat(request.body()).isEqualTo(utf8("original"));
        assertThat(request.bodyLength()).isEqualTo(8);
    }

    @Test
    void toStringShowsHeaderNamesButNoValues() {
        WebhookRequest request = WebhookRequest.of(utf8("payload-text"), Map.of("X-Hub-Signature-256", "sha256=deadbeef"));

        assertThat(request.toString()).contains("X-Hub-Signature-256").doesNotContain("deadbeef")
                .doesNotContain("payload-text");
    }
}
