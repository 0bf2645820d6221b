package io.integration.sync.connector;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.integration.sync.connector.PullFailedException.Reason;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * GETs one page of a provider's list endpoint with a timeout and classifies the answer: a JSON body with its Link
 * headers, a credential rejection (401/403, for the caller to refresh or give up), or a typed failure. Messages carry
 * the status and the path, never the query (it may hold cursors), the credential or the body.
 */
@ApplicationScoped
class ProviderPageClient {

    private final WebClient client;
    private final RestPullConfig config;
    private final ObjectMapper json = new ObjectMapper();

    ProviderPageClient(Vertx vertx, RestPullConfig config) {
        this.config = config;
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) config.requestTimeout().toMillis())
                .setUserAgent("integration-service-sync")
                // A redirect would carry the credential header to wherever it points.
                .setFollowRedirects(false));
    }

    /** A page the provider answered: 2xx with its body, or a rejection of the credential. */
    record Page(int status, JsonNode body, List<String> linkHeaders) {

        boolean credentialRejected() {
            return status == 401 || status == 403;
        }
    }

    Uni<Page> fetch(String url, ProviderCredential credential) {
        HttpRequest<Buffer> request = client.getAbs(url)
                .timeout(config.requestTimeout().toMillis())
                .putHeader("Accept", "application/json");
        if (credential != null) {
            request.putHeader(credential.headerName(), credential.headerValue());
        }
        String path = URI.create(url).getRawPath();
        return request.send()
                .onFailure().transform(failure -> unavailable(failure, path))
                .map(response -> classify(response, path));
    }

    private Page classify(HttpResponse<Buffer> response, String path) {
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            return new Page(status, null, List.of());
        }
        if (status >= 500 || status == 408 || status == 429) {
            throw PullFailedException.provider(Reason.PROVIDER_UNAVAILABLE, status,
                    "provider answered " + status + " for " + path);
        }
        if (status < 200 || status >= 300) {
            throw PullFailedException.provider(Reason.PROVIDER_REJECTED, status,
                    "provider answered " + status + " for " + path);
        }
        Buffer body = response.body();
        try {
            JsonNode parsed = body == null ? null : json.readTree(body.getBytes());
            if (parsed == null || parsed.isMissingNode()) {
                throw new IOException("empty body");
            }
            return new Page(status, parsed, response.headers().getAll("Link"));
        } catch (IOException e) {
            throw PullFailedException.provider(Reason.PROVIDER_RESPONSE_INVALID, status,
                    "provider answered " + status + " for " + path + " without a JSON body");
        }
    }

    private PullFailedException unavailable(Throwable failure, String path) {
        if (failure instanceof PullFailedException pull) {
            return pull;
        }
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String why;
        if (failure instanceof TimeoutException || cause instanceof TimeoutException
                || failure.getClass().getSimpleName().contains("Timeout")) {
            why = "did not answer within " + config.requestTimeout().toMillis() + " ms";
        } else if (failure instanceof ConnectException || cause instanceof ConnectException) {
            why = "could not be reached";
        } else {
            why = "request failed (" + failure.getClass().getSimpleName() + ")";
        }
        return PullFailedException.of(Reason.PROVIDER_UNAVAILABLE, "provider " + why + " for " + path);
    }
}
