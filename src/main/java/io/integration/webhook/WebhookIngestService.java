package io.integration.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.integration.credential.apikey.VenueApiKey;
import io.integration.credential.apikey.VenueApiKeyRepository;
import io.integration.credential.vault.CredentialVault;
import io.integration.credential.vault.SecretTable;
import io.integration.provider.ProviderCatalog;
import io.integration.provider.ProviderDefinition;
import io.integration.tenancy.SystemTransactions;
import io.integration.tenancy.TenantId;
import io.integration.tenancy.TenantTransactions;
import io.integration.webhook.signature.SchemeSettings;
import io.integration.webhook.signature.SignatureEncoding;
import io.integration.webhook.signature.SignatureSchemes;
import io.integration.webhook.signature.VerificationResult;
import io.integration.webhook.signature.WebhookRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Receives a provider webhook: resolves the routing token in a system transaction, then — in that tenant's
 * transaction — verifies the signature with the venue's webhook secrets and commits the event and its queue entry
 * before the acknowledgement. Rejections are counted and kept as a small audit record without the payload.
 */
@ApplicationScoped
public class WebhookIngestService {

    private static final Logger LOG = Logger.getLogger(WebhookIngestService.class);
    private static final Set<String> KEPT_HEADERS = Set.of("content-type", "user-agent", "stripe-signature",
            "x-hub-signature-256", "x-github-delivery", "x-github-event", "x-slack-signature",
            "x-slack-request-timestamp", "webhook-id", "webhook-timestamp", "webhook-signature",
            "x-shopify-hmac-sha256", "x-shopify-topic", "x-shopify-webhook-id");

    private final SystemTransactions system;
    private final TenantTransactions transactions;
    private final InboundWebhookRepository inbound;
    private final VenueApiKeyRepository apiKeys;
    private final ProviderCatalog providers;
    private final CredentialVault vault;
    private final SignatureSchemes schemes;
    private final WebhooksConfig config;
    private final MeterRegistry metrics;
    private final ObjectMapper json;

    public WebhookIngestService(SystemTransactions system, TenantTransactions transactions,
            InboundWebhookRepository inbound, VenueApiKeyRepository apiKeys, ProviderCatalog providers, CredentialVault vault, SignatureSchemes schemes,
            WebhooksConfig config, MeterRegistry metrics, ObjectMapper json) {
        this.system = system;
        this.transactions = transactions;
        this.inbound = inbound;
        this.apiKeys = apiKeys;
        this.providers = providers;
        this.vault = vault;
        this.schemes = schemes;
        this.config = config;
        this.metrics = metrics;
        this.json = json;
    }

    private record Route(TenantId tenant, UUID venueId, String provider) {
    }

    public Uni<IngestOutcome> receive(String token, String contentType, byte[] body, Map<String, List<String>> headers) {
        if (!RoutingTokens.wellFormed(token)) {
            return Uni.createFrom().item(count("unknown", IngestOutcome.rejected(404, "unknown_token")));
        }
        return resolve(token).chain(route -> {
            if (route == null) {
                return Uni.createFrom().item(count("unknown", IngestOutcome.rejected(404, "unknown_token")));
            }
            ProviderDefinition provider = providers.find(route.provider()).orElse(null);
            if (provider == null || provider.webhook() == null) {
                return Uni.createFrom().item(count(route.provider(), IngestOutcome.rejected(404, "unknown_token")));
            }
            WebhookRequest request = new WebhookRequest(body, headers);
            Map<String, String> kept = keptHeaders(headers);
            if (body.length > config.maxBodyBytes()) {
                return audit(route, provider, request, kept, contentType, IngestOutcome.rejected(413, "body_too_large"));
            }
            if (!acceptedContentType(contentType)) {
                return audit(route, provider, request, kept, contentType, IngestOutcome.rejected(415, "unsupported_content_type"));
            }
            return transactions.inTenantTransaction(route.tenant(), () -> verifyAndStore(route, provider, request, kept,
                    contentType));
        }).invoke(outcome -> LOG.debugf("webhook %s reason=%s", outcome.outcome(), outcome.reason()));
    }

    private Uni<Route> resolve(String token) {
        return system.inSystemTransaction(connection -> connection
                .preparedQuery("select tenant_id, venue_id, integration_type from webhook_endpoints"
                        + " where token_hash = $1 and enabled")
                .execute(Tuple.of(io.vertx.core.buffer.Buffer.buffer(RoutingTokens.hash(token))))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new Route(new TenantId(row.getUUID("tenant_id")), row.getUUID("venue_id"),
                            row.getString("integration_type"));
                }));
    }

    private Uni<IngestOutcome> verifyAndStore(Route route, ProviderDefinition provider, WebhookRequest request,
            Map<String, String> kept, String contentType) {
        // An entity query, not native SQL: its plan is cached by the query string (see docs/PERFORMANCE.md).
        return apiKeys.withWebhookSecret(route.tenant(), route.venueId(), route.provider())
                .chain(keys -> {
                    List<byte[]> secrets = new ArrayList<>();
                    for (VenueApiKey key : keys) {
                        secrets.add(vault.open(route.tenant(), SecretTable.VENUE_API_KEYS, "webhook_secret_encrypted",
                                key.id, key.webhookSecretEncrypted).getBytes(StandardCharsets.UTF_8));
                    }
                    VerificationResult verification = schemes.create(settings(provider)).verify(request, secrets);
                    if (!verification.isVerified()) {
                        IngestOutcome outcome = IngestOutcome.rejected(401,
                                verification.status().name().toLowerCase(Locale.ROOT));
                        return storeRejection(route, provider, kept, contentType, outcome)
                                .map(ignored -> count(route.provider(), outcome));
                    }
                    JsonNode parsed = parseJson(request.body());
                    EventIdentity identity = EventIdentity.of(provider.webhook().scheme(), request, parsed);
                    InboundWebhook event = newEvent(route, provider, kept, contentType);
                    event.eventType = identity.eventType();
                    event.providerEventId = identity.eventId();
                    event.payload = request.body();
                    return inbound.insertAccepted(event, headersJson(kept))
                            .chain(id -> id == null
                                    ? Uni.createFrom().item(IngestOutcome.duplicate())
                                    : inbound.enqueue(route.tenant(), id, route.venueId(), route.provider(),
                                            identity.eventType(), parsed == null ? null : parsed.toString())
                                            .map(ignored -> IngestOutcome.accepted()))
                            .map(outcome -> count(route.provider(), outcome));
                });
    }

    private Uni<IngestOutcome> audit(Route route, ProviderDefinition provider, WebhookRequest request,
            Map<String, String> kept, String contentType, IngestOutcome outcome) {
        return transactions.inTenantTransaction(route.tenant(),
                        () -> storeRejection(route, provider, kept, contentType, outcome))
                .map(ignored -> count(route.provider(), outcome));
    }

    private Uni<InboundWebhook> storeRejection(Route route, ProviderDefinition provider, Map<String, String> kept,
            String contentType, IngestOutcome outcome) {
        InboundWebhook rejected = newEvent(route, provider, kept, contentType);
        rejected.outcome = "REJECTED";
        rejected.rejectionReason = outcome.reason();
        return inbound.persist(rejected);
    }

    private InboundWebhook newEvent(Route route, ProviderDefinition provider, Map<String, String> kept,
            String contentType) {
        InboundWebhook event = new InboundWebhook();
        event.id = UUID.randomUUID();
        event.tenantId = route.tenant().value();
        event.venueId = route.venueId();
        event.integrationType = route.provider();
        event.headers = kept;
        event.contentType = contentType == null ? null : truncate(contentType, 200);
        event.signatureScheme = provider.webhook().scheme();
        event.receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return event;
    }

    private IngestOutcome count(String provider, IngestOutcome outcome) {
        metrics.counter("integration.webhooks.received", "provider", provider, "outcome", outcome.outcome(),
                "reason", outcome.reason()).increment();
        return outcome;
    }

    private static SchemeSettings settings(ProviderDefinition provider) {
        ProviderDefinition.Webhook webhook = provider.webhook();
        SchemeSettings settings = SchemeSettings.of(webhook.scheme());
        if (webhook.header() != null) {
            settings = settings.withHeader(webhook.header());
        }
        if (webhook.encoding() != null) {
            settings = settings.withEncoding(SignatureEncoding.valueOf(webhook.encoding()));
        }
        if (webhook.toleranceSeconds() != null) {
            settings = settings.withTolerance(Duration.ofSeconds(webhook.toleranceSeconds()));
        }
        return settings;
    }

    private static boolean acceptedContentType(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"))
                || type.equals("application/x-www-form-urlencoded");
    }

    private JsonNode parseJson(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static Map<String, String> keptHeaders(Map<String, List<String>> headers) {
        Map<String, String> kept = new TreeMap<>();
        headers.forEach((name, values) -> {
            String key = name.toLowerCase(Locale.ROOT);
            if (KEPT_HEADERS.contains(key) && values != null && !values.isEmpty()) {
                kept.put(key, truncate(values.get(0), 1000));
            }
        });
        return kept;
    }

    private String headersJson(Map<String, String> kept) {
        try {
            return json.writeValueAsString(kept);
        } catch (java.io.IOException e) {
            return "{}";
        }
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
