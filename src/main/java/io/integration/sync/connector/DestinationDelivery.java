package io.integration.sync.connector;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;

import io.integration.sync.connector.PullFailedException.Reason;
import io.integration.webhook.WebhooksConfig;
import io.integration.webhook.signature.StandardWebhooksHeaders;
import io.integration.webhook.signature.StandardWebhooksSecret;
import io.integration.webhook.signature.StandardWebhooksSigner;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * POSTs one batch of mapped records to the venue's destination, signed in the Standard Webhooks format with
 * {@code integration.webhooks.delivery-secret} like webhook deliveries. The message id is the SHA-256 of the body,
 * sent as {@code webhook-id} and {@code Idempotency-Key}: a retried job that delivers the same batch again sends the
 * same id, so the destination can drop the repeat.
 */
@ApplicationScoped
class DestinationDelivery {

    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private final WebClient client;
    private final RestPullConfig config;
    private final WebhooksConfig webhooks;
    private final StandardWebhooksSigner signer = new StandardWebhooksSigner();

    DestinationDelivery(Vertx vertx, RestPullConfig config, WebhooksConfig webhooks) {
        this.config = config;
        this.webhooks = webhooks;
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) config.deliveryTimeout().toMillis())
                .setUserAgent("integration-service-sync")
                .setFollowRedirects(false));
    }

    /** The signing key, checked before a run calls the provider; a missing one is a deployment mistake. */
    byte[] requireSigningKey() {
        return webhooks.deliverySecret()
                .map(secret -> secret.getBytes(StandardCharsets.US_ASCII))
                .filter(secret -> StandardWebhooksSecret.decodeKey(secret).isPresent())
                .orElseThrow(() -> PullFailedException.of(Reason.NOT_CONFIGURED,
                        "integration.webhooks.delivery-secret is missing or not whsec_ base64"));
    }

    /** Delivers {@code body}; returns its batch id. Non-2xx or no answer in time is a retryable failure. */
    Uni<String> deliver(String destinationUrl, byte[] body) {
        String batchId = batchId(body);
        StandardWebhooksHeaders signature = signer.sign(batchId, Instant.now(), body, requireSigningKey());
        HttpRequest<Buffer> request = client.postAbs(destinationUrl)
                .timeout(config.deliveryTimeout().toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader(IDEMPOTENCY_HEADER, batchId);
        signature.asMap().forEach(request::putHeader);
        return request.sendBuffer(Buffer.buffer(body))
                .onFailure().transform(failure -> PullFailedException.of(Reason.DESTINATION_UNAVAILABLE,
                        "destination did not accept batch " + batchId + " (" + failure.getClass().getSimpleName() + ")"))
                .map(response -> {
                    if (response.statusCode() / 100 != 2) {
                        throw PullFailedException.of(Reason.DESTINATION_UNAVAILABLE,
                                "destination answered " + response.statusCode() + " for batch " + batchId);
                    }
                    return batchId;
                });
    }

    static String batchId(byte[] body) {
        try {
            return "batch_" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
