package io.integration.webhook;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.integration.common.InvalidRequestException;
import io.integration.common.ResourceNotFoundException;
import io.integration.provider.ProviderCatalog;
import io.integration.provider.ProviderDefinition;
import io.integration.tenancy.TenantId;
import io.integration.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;

/** Creates, updates and re-issues venues' inbound webhook endpoints; a routing token is shown only when issued. */
@ApplicationScoped
public class WebhookEndpointService {

    static final String INBOUND_PREFIX = "/webhooks/in/";

    private final WebhookEndpointRepository repository;
    private final ProviderCatalog providers;
    private final TenantTransactions transactions;

    public WebhookEndpointService(WebhookEndpointRepository repository, ProviderCatalog providers,
            TenantTransactions transactions) {
        this.repository = repository;
        this.providers = providers;
        this.transactions = transactions;
    }

    /** Endpoint state and whether it was created (201, with its token) or updated (200). */
    public record Saved(WebhookEndpointResponse endpoint, boolean created) {
    }

    public Uni<Saved> save(TenantId tenant, UUID venueId, String provider, WebhookEndpointRequest request) {
        ProviderDefinition definition = providers.require(provider);
        if (definition.webhook() == null) {
            throw new InvalidRequestException("provider '" + provider + "' does not send signed webhooks");
        }
        return transactions.inTenantTransaction(tenant, () -> repository.findForVenue(tenant, venueId, provider)
                .chain(existing -> {
                    boolean created = existing == null;
                    WebhookEndpoint endpoint = created ? newEndpoint(tenant, venueId, provider) : existing;
                    String token = created ? issueToken(endpoint) : null;
                    if (request.subscriberUrl() != null) {
                        endpoint.subscriberUrl = request.subscriberUrl();
                    }
                    if (request.enqueueSync() != null) {
                        endpoint.enqueueSync = request.enqueueSync();
                    }
                    if (request.enabled() != null) {
                        endpoint.enabled = request.enabled();
                    }
                    return repository.persistAndFlush(endpoint).map(saved -> new Saved(toResponse(saved, token), created));
                }));
    }

    /** Issues a new routing token; the old one stops working at once. */
    public Uni<WebhookEndpointResponse> rotateToken(TenantId tenant, UUID venueId, String provider) {
        return transactions.inTenantTransaction(tenant, () -> require(tenant, venueId, provider)
                .chain(endpoint -> {
                    String token = issueToken(endpoint);
                    return repository.flush().map(ignored -> toResponse(endpoint, token));
                }));
    }

    public Uni<WebhookEndpointResponse> get(TenantId tenant, UUID venueId, String provider) {
        return transactions.inTenantTransaction(tenant, () -> require(tenant, venueId, provider))
                .map(endpoint -> toResponse(endpoint, null));
    }

    public Uni<Void> delete(TenantId tenant, UUID venueId, String provider) {
        return transactions.inTenantTransaction(tenant, () -> require(tenant, venueId, provider).call(repository::delete))
                .replaceWithVoid();
    }

    private Uni<WebhookEndpoint> require(TenantId tenant, UUID venueId, String provider) {
        return repository.findForVenue(tenant, venueId, provider)
                .onItem().ifNull().failWith(() -> new ResourceNotFoundException("webhook endpoint of provider '"
                        + provider + "' for venue", venueId));
    }

    private static String issueToken(WebhookEndpoint endpoint) {
        String token = RoutingTokens.newToken();
        endpoint.tokenHash = RoutingTokens.hash(token);
        return token;
    }

    private static WebhookEndpoint newEndpoint(TenantId tenant, UUID venueId, String provider) {
        WebhookEndpoint endpoint = new WebhookEndpoint();
        endpoint.id = UUID.randomUUID();
        endpoint.tenantId = tenant.value();
        endpoint.venueId = venueId;
        endpoint.integrationType = provider;
        endpoint.enabled = true;
        return endpoint;
    }

    private static WebhookEndpointResponse toResponse(WebhookEndpoint e, String token) {
        return new WebhookEndpointResponse(e.id, e.venueId, e.integrationType, e.subscriberUrl, e.enqueueSync, e.enabled,
                token == null ? null : INBOUND_PREFIX + token, e.version, e.createdAt, e.updatedAt);
    }
}
