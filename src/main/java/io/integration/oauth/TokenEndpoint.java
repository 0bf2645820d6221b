package io.integration.oauth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.integration.provider.ProviderDefinition;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Calls a provider's OAuth 2.0 token endpoint (authorization_code with PKCE, refresh_token) with the configured client
 * and a timeout. Neither tokens nor response bodies are ever logged or put into exceptions: an error is its OAuth error
 * code or the HTTP status.
 */
@ApplicationScoped
public class TokenEndpoint {

    private static final Pattern ERROR_CODE = Pattern.compile("^[A-Za-z0-9_.-]{1,64}$");

    private final WebClient client;
    private final OAuthConfig config;

    public TokenEndpoint(Vertx vertx, OAuthConfig config) {
        this.config = config;
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) config.tokenEndpointTimeout().toMillis())
                .setUserAgent("integration-service-oauth")
                .setFollowRedirects(false));
    }

    /** Tokens as the provider issued them; expiresIn and scopes may be absent. Never printed. */
    record Tokens(String accessToken, String refreshToken, String idToken, String tokenType, Long expiresIn,
            List<String> scopes) {

        @Override
        public String toString() {
            return "Tokens[redacted]";
        }
    }

    Uni<Tokens> exchangeCode(ProviderDefinition provider, String code, String redirectUri, String codeVerifier) {
        MultiMap form = MultiMap.caseInsensitiveMultiMap()
                .add("grant_type", "authorization_code")
                .add("code", code)
                .add("redirect_uri", redirectUri);
        if (codeVerifier != null) {
            form.add("code_verifier", codeVerifier);
        }
        return post(provider, form);
    }

    Uni<Tokens> refresh(ProviderDefinition provider, String refreshToken) {
        return post(provider, MultiMap.caseInsensitiveMultiMap()
                .add("grant_type", "refresh_token")
                .add("refresh_token", refreshToken));
    }

    /** The configured client of the provider, or a 400 naming the missing key. */
    OAuthConfig.Client client(String provider) {
        OAuthConfig.Client registered = config.clients().get(provider);
        if (registered == null) {
            throw new OAuthClientNotConfiguredException(provider);
        }
        return registered;
    }

    private Uni<Tokens> post(ProviderDefinition provider, MultiMap form) {
        OAuthConfig.Client registered = client(provider.slug());
        HttpRequest<Buffer> request = client.postAbs(provider.oauth().tokenUrl())
                .timeout(config.tokenEndpointTimeout().toMillis())
                .putHeader("Accept", "application/json");
        if ("client_secret_basic".equals(registered.authentication())) {
            // RFC 6749 2.3.1: both parts form-urlencoded before the Basic encoding.
            request.basicAuthentication(urlEncode(registered.clientId()), urlEncode(registered.clientSecret().orElse("")));
        } else {
            form.add("client_id", registered.clientId());
            registered.clientSecret().ifPresent(secret -> form.add("client_secret", secret));
        }
        return request.sendForm(form)
                .onFailure().transform(e -> e instanceof TokenEndpointException ? e
                        : TokenEndpointException.unavailable("token endpoint unreachable (" + e.getClass().getSimpleName() + ")"))
                .map(TokenEndpoint::parse);
    }

    private static Tokens parse(HttpResponse<Buffer> response) {
        int status = response.statusCode();
        JsonObject body = json(response);
        String error = body == null ? null : body.getValue("error") instanceof String e ? e : null;
        String accessToken = body == null ? null : body.getValue("access_token") instanceof String t ? t : null;
        if (status >= 200 && status < 300 && accessToken != null && !accessToken.isBlank()) {
            return new Tokens(accessToken, string(body, "refresh_token"), string(body, "id_token"),
                    string(body, "token_type"), expiresIn(body.getValue("expires_in")), scopes(body.getValue("scope")));
        }
        // An OAuth error answer (400/401, or 200 with "error" as some providers do) is the provider's decision.
        if (error != null && status < 500 && ERROR_CODE.matcher(error).matches()) {
            throw TokenEndpointException.rejected(error, status);
        }
        throw TokenEndpointException.unavailable(status >= 200 && status < 300
                ? "token endpoint answered HTTP " + status + " without an access token"
                : "token endpoint answered HTTP " + status);
    }

    private static JsonObject json(HttpResponse<Buffer> response) {
        try {
            Buffer body = response.body();
            return body == null || body.length() == 0 ? null : new JsonObject(body.toString());
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String string(JsonObject body, String key) {
        return body.getValue(key) instanceof String value && !value.isBlank() ? value : null;
    }

    private static Long expiresIn(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof String text && text.matches("^\\d{1,12}$")) {
            return Long.parseLong(text);
        }
        return null;
    }

    private static List<String> scopes(Object value) {
        if (!(value instanceof String text) || text.isBlank()) {
            return null;
        }
        return Arrays.stream(text.trim().split("[\\s,]+")).toList();
    }

    private static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
