package io.integration.connection;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import io.integration.provider.ProviderDefinition;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Calls a provider's "test connection" request with a credential, bounded by a timeout. The result carries the
 * provider's status and a safe message, never the response body (which could echo secrets).
 */
@ApplicationScoped
public class ProviderProbe {

    private final WebClient client;
    private final ConnectionsConfig config;

    public ProviderProbe(Vertx vertx, ConnectionsConfig config) {
        this.config = config;
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) config.testTimeout().toMillis())
                .setUserAgent("integration-service")
                .setFollowRedirects(false));
    }

    /**
     * The outcome of one test request. {@code requestSent}: the request reached the provider (it answered, or did not
     * answer in time) — a billable API call; false when no connection was made (refused, unknown host, TLS failure).
     */
    public record ProbeResult(boolean success, Integer providerStatus, String message, long durationMs,
            boolean requestSent) {
    }

    public Uni<ProbeResult> probe(ProviderDefinition provider, String secret) {
        ProviderDefinition.TestRequest test = provider.testRequest();
        HttpRequest<io.vertx.mutiny.core.buffer.Buffer> request = client
                .requestAbs(HttpMethod.valueOf(test.method()), provider.apiBaseUrl() + test.path())
                .timeout(config.testTimeout().toMillis());
        authorize(request, provider, secret);
        long started = System.nanoTime();
        return request.send()
                .map(response -> {
                    long ms = elapsedMs(started);
                    int status = response.statusCode();
                    boolean ok = test.expectStatus().contains(status);
                    String message = ok ? "provider answered " + status
                            : status == 401 || status == 403 ? "provider rejected the credentials (" + status + ")"
                            : "provider answered " + status + ", expected " + test.expectStatus();
                    return new ProbeResult(ok, status, message, ms, true);
                })
                .onFailure().recoverWithItem(failure -> new ProbeResult(false, null, describe(failure, provider),
                        elapsedMs(started), isTimeout(failure) && !isConnectFailure(failure)));
    }

    private static void authorize(HttpRequest<?> request, ProviderDefinition provider, String secret) {
        provider.authorizationHeader(secret).ifPresent(header -> request.putHeader(header.getKey(), header.getValue()));
    }

    private String describe(Throwable failure, ProviderDefinition provider) {
        Throwable cause = rootOf(failure);
        if (isTimeout(failure) && !isConnectFailure(failure)) {
            return "provider did not answer within " + config.testTimeout().toMillis() + " ms";
        }
        if (isConnectFailure(failure)) {
            return "could not connect to the provider at " + hostOf(provider);
        }
        if (cause instanceof UnknownHostException || failure instanceof UnknownHostException) {
            return "provider host " + hostOf(provider) + " not found";
        }
        return "provider request failed (" + failure.getClass().getSimpleName() + ")";
    }

    /** The cause chain down to a connect or DNS failure, or to the end. */
    private static Throwable rootOf(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
                break;
            }
            cause = cause.getCause();
        }
        return cause;
    }

    /** No answer in time (the request was sent); a connect timeout is a {@link ConnectException}, not this. */
    private static boolean isTimeout(Throwable failure) {
        return failure instanceof TimeoutException || rootOf(failure) instanceof TimeoutException
                || failure.getClass().getSimpleName().contains("Timeout");
    }

    private static boolean isConnectFailure(Throwable failure) {
        return failure instanceof ConnectException || rootOf(failure) instanceof ConnectException;
    }

    private static String hostOf(ProviderDefinition provider) {
        return java.net.URI.create(provider.apiBaseUrl()).getAuthority();
    }

    private static long elapsedMs(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
