package io.integration.oauth;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.integration.catalog.Integration;
import io.integration.catalog.IntegrationNotFoundException;
import io.integration.catalog.IntegrationRepository;
import io.integration.common.InvalidRequestException;
import io.integration.credential.vault.CredentialVault;
import io.integration.credential.vault.SecretTable;
import io.integration.provider.ProviderCatalog;
import io.integration.provider.ProviderDefinition;
import io.integration.tenancy.Actor;
import io.integration.tenancy.SystemTransactions;
import io.integration.tenancy.TenantId;
import io.integration.tenancy.TenantTransactions;
import io.integration.webhook.RoutingTokens;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The authorization-code connect flow with PKCE (ADR 0008): {@link #authorize} records a single-use, expiring state
 * (hash only) with the sealed code verifier and returns the provider's authorization URL; {@link #complete} consumes
 * the state atomically, exchanges the code, and stores tokens and connection in one tenant transaction.
 */
@ApplicationScoped
public class OAuthConnectService {

    private static final Logger LOG = Logger.getLogger(OAuthConnectService.class);
    private static final SecretTable TABLE = SecretTable.OAUTH_AUTHORIZATION_STATES;
    private static final Pattern ERROR_CODE = Pattern.compile("^[A-Za-z0-9_.-]{1,64}$");

    private final ProviderCatalog providers;
    private final IntegrationRepository integrations;
    private final CredentialVault vault;
    private final TokenEndpoint endpoint;
    private final OAuthConfig config;
    private final TenantTransactions transactions;
    private final SystemTransactions system;
    private final OAuthConnectionStore store;
    private final OAuthAuthorizationStateRepository states;

    public OAuthConnectService(ProviderCatalog providers, IntegrationRepository integrations, CredentialVault vault,
            TokenEndpoint endpoint, OAuthConfig config, TenantTransactions transactions, SystemTransactions system,
            OAuthConnectionStore store, OAuthAuthorizationStateRepository states) {
        this.providers = providers;
        this.integrations = integrations;
        this.vault = vault;
        this.endpoint = endpoint;
        this.config = config;
        this.transactions = transactions;
        this.system = system;
        this.store = store;
        this.states = states;
    }

    /** A consumed state: who started what, and the PKCE verifier still sealed. */
    private record Started(UUID id, TenantId tenant, UUID integrationId, UUID venueId, UUID userId, String provider,
            String redirectUri, String[] scopes, byte[] verifierBlob, Actor actor, Instant expiresAt) {
    }

    public Uni<AuthorizationStarted> authorize(TenantId tenant, Actor actor, UUID venueId, String provider,
            AuthorizeRequest request) {
        ProviderDefinition definition = requireOAuth(provider);
        OAuthConfig.Client client = endpoint.client(provider);
        AuthorizeRequest body = request == null ? new AuthorizeRequest(null, null, null, null) : request;
        String redirectUri = redirectUri(body.redirectUri());
        List<String> scopes = body.scopes() != null && !body.scopes().isEmpty() ? body.scopes()
                : definition.oauth().defaultScopes() == null ? List.of() : definition.oauth().defaultScopes();
        String state = RoutingTokens.newToken();
        String verifier = Pkce.newVerifier();
        Instant expiresAt = Instant.now().plus(config.stateTtl()).truncatedTo(ChronoUnit.MICROS);
        return transactions.inTenantTransaction(tenant, () -> resolveIntegration(tenant, provider, body.integrationId())
                        .chain(integration -> {
                            OAuthAuthorizationState row = new OAuthAuthorizationState();
                            row.id = UUID.randomUUID();
                            row.tenantId = tenant.value();
                            row.stateHash = RoutingTokens.hash(state);
                            row.integrationId = integration.id;
                            row.venueId = venueId;
                            row.userId = body.userId();
                            row.integrationType = provider;
                            row.redirectUri = redirectUri;
                            row.scopes = scopes.toArray(String[]::new);
                            row.codeVerifierEncrypted = vault.seal(tenant, TABLE, "code_verifier_encrypted", row.id, verifier);
                            row.kmsKeyId = vault.activeKeyId();
                            row.encryptionContext = CredentialVault.rowContext(tenant, TABLE, row.id);
                            row.actorUserId = actor.userId();
                            row.actorDisplayName = actor.displayName();
                            row.expiresAt = expiresAt;
                            return states.persistAndFlush(row);
                        }))
                .invoke(() -> LOG.infof("oauth authorization started tenant=%s venue=%s provider=%s by=%s", tenant,
                        venueId, provider, actor.userId()))
                .map(ignored -> new AuthorizationStarted(authorizationUrl(definition, client, redirectUri, scopes, state,
                        verifier), state, expiresAt));
    }

    /**
     * The provider's redirect: consumes the state (single use, even under concurrency), then exchanges the code and
     * connects. Every failure is a 4xx or 502 problem and leaves no row behind but the consumed state's absence.
     */
    public Uni<OAuthConnected> complete(String state, String code, String error) {
        if (!RoutingTokens.wellFormed(state)) {
            throw OAuthFlowException.badRequest("the callback needs the 'state' this service issued");
        }
        return consume(state).chain(started -> {
            if (started == null) {
                return Uni.createFrom().failure(OAuthFlowException.badRequest(
                        "unknown or already used state; start the connect flow again"));
            }
            if (!started.expiresAt().isAfter(Instant.now())) {
                return Uni.createFrom().failure(OAuthFlowException.badRequest("the authorization expired at "
                        + started.expiresAt() + "; start the connect flow again"));
            }
            if (error != null) {
                String reported = ERROR_CODE.matcher(error).matches() ? error : "an invalid error code";
                LOG.infof("oauth authorization refused tenant=%s venue=%s provider=%s error=%s", started.tenant(),
                        started.venueId(), started.provider(), reported);
                return Uni.createFrom().failure(OAuthFlowException.badRequest("the provider reported '" + reported
                        + "'" + ("access_denied".equals(reported) ? ": the user did not grant access" : "")
                        + "; nothing was connected"));
            }
            if (code == null || code.isBlank() || code.length() > 4096) {
                return Uni.createFrom().failure(OAuthFlowException.badRequest("the callback carries no authorization 'code'"));
            }
            return exchange(started, code);
        });
    }

    private Uni<OAuthConnected> exchange(Started started, String code) {
        ProviderDefinition definition = providers.require(started.provider());
        String verifier = vault.open(started.tenant(), TABLE, "code_verifier_encrypted", started.id(), started.verifierBlob());
        return endpoint.exchangeCode(definition, code, started.redirectUri(), definition.oauth().pkce() ? verifier : null)
                .onFailure(TokenEndpointException.class).transform(e -> exchangeFailure(started, (TokenEndpointException) e))
                .chain(tokens -> store.connect(started.tenant(), started.actor(), started.integrationId(),
                        started.venueId(), started.userId(), started.provider(), tokens,
                        tokens.scopes() != null ? tokens.scopes() : List.of(started.scopes())));
    }

    private static RuntimeException exchangeFailure(Started started, TokenEndpointException e) {
        LOG.infof("oauth code exchange failed tenant=%s venue=%s provider=%s reason=%s", started.tenant(),
                started.venueId(), started.provider(), e.getMessage());
        if (e.isRejected() && List.of("invalid_grant", "invalid_request").contains(e.errorCode())) {
            return OAuthFlowException.badRequest("the provider would not exchange the authorization code ("
                    + e.errorCode() + "): it is invalid, expired or already used; start the connect flow again");
        }
        if (e.isRejected()) {
            return OAuthFlowException.badGateway("the provider refused the token request (" + e.errorCode()
                    + "); check this service's OAuth client registration");
        }
        return OAuthFlowException.badGateway("the provider's token endpoint failed (" + e.getMessage()
                + "); start the connect flow again");
    }

    /** Deletes the state and returns it, in one statement: of two concurrent callbacks exactly one gets the row. */
    private Uni<Started> consume(String state) {
        return system.inSystemTransaction(c -> c.preparedQuery("delete from oauth_authorization_states where state_hash = $1"
                        + " returning id, tenant_id, integration_id, venue_id, user_id, integration_type, redirect_uri, scopes,"
                        + " code_verifier_encrypted, actor_user_id, actor_display_name, expires_at")
                .execute(Tuple.of(io.vertx.core.buffer.Buffer.buffer(RoutingTokens.hash(state))))
                .map(rows -> rows.iterator().hasNext() ? started(rows.iterator().next()) : null));
    }

    private static Started started(Row row) {
        OffsetDateTime expires = row.getOffsetDateTime("expires_at");
        return new Started(row.getUUID("id"), new TenantId(row.getUUID("tenant_id")), row.getUUID("integration_id"),
                row.getUUID("venue_id"), row.getUUID("user_id"), row.getString("integration_type"),
                row.getString("redirect_uri"), row.getArrayOfStrings("scopes"),
                row.getBuffer("code_verifier_encrypted") == null ? null : row.getBuffer("code_verifier_encrypted").getBytes(),
                new Actor(row.getString("actor_user_id"), row.getString("actor_display_name")), expires.toInstant());
    }

    private ProviderDefinition requireOAuth(String provider) {
        ProviderDefinition definition = providers.require(provider);
        if (definition.authMode() != ProviderDefinition.AuthMode.OAUTH2) {
            throw new InvalidRequestException("provider '" + provider + "' does not use OAuth 2.0 (it uses "
                    + definition.authMode() + ")");
        }
        return definition;
    }

    private Uni<Integration> resolveIntegration(TenantId tenant, String provider, UUID integrationId) {
        if (integrationId != null) {
            return integrations.findForTenant(tenant, integrationId)
                    .onItem().ifNull().failWith(() -> new IntegrationNotFoundException(integrationId))
                    .invoke(integration -> {
                        if (!provider.equals(integration.provider)) {
                            throw new InvalidRequestException("integration " + integrationId + " is for provider '"
                                    + integration.provider + "', not '" + provider + "'");
                        }
                    });
        }
        return integrations.find("tenantId = ?1 and provider = ?2", tenant.value(), provider).range(0, 1).list()
                .map(found -> {
                    if (found.isEmpty()) {
                        throw new InvalidRequestException("the tenant has no integration for provider '" + provider
                                + "'; create one (POST /api/v1/integrations) or give 'integrationId'");
                    }
                    if (found.size() > 1) {
                        throw new InvalidRequestException("the tenant has several integrations for provider '" + provider
                                + "'; give 'integrationId'");
                    }
                    return found.get(0);
                });
    }

    private String redirectUri(String requested) {
        List<String> allowed = config.redirectUris().orElse(List.of());
        if (requested == null) {
            if (allowed.isEmpty()) {
                throw new InvalidRequestException("'redirectUri' is required (no integration.oauth.redirect-uris configured)");
            }
            return allowed.get(0);
        }
        if (!allowed.isEmpty()) {
            if (!allowed.contains(requested)) {
                throw new InvalidRequestException("'redirectUri' is not one of the configured redirect URIs");
            }
            return requested;
        }
        try {
            URI uri = URI.create(requested);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getPath().endsWith("/oauth/callback")) {
                return requested;
            }
        } catch (IllegalArgumentException malformed) {
            // answered below
        }
        throw new InvalidRequestException("'redirectUri' must be an absolute http(s) URL of this service's /oauth/callback");
    }

    private static String authorizationUrl(ProviderDefinition definition, OAuthConfig.Client client, String redirectUri,
            List<String> scopes, String state, String verifier) {
        String base = definition.oauth().authorizationUrl();
        StringBuilder url = new StringBuilder(base).append(base.contains("?") ? '&' : '?')
                .append("response_type=code")
                .append("&client_id=").append(encode(client.clientId()))
                .append("&redirect_uri=").append(encode(redirectUri))
                .append("&state=").append(state);
        if (!scopes.isEmpty()) {
            url.append("&scope=").append(encode(String.join(" ", scopes)));
        }
        if (definition.oauth().pkce()) {
            url.append("&code_challenge=").append(Pkce.s256(verifier)).append("&code_challenge_method=S256");
        }
        return url.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
