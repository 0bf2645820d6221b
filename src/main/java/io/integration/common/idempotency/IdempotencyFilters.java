package io.integration.common.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.integration.common.InvalidRequestException;
import io.integration.tenancy.CurrentTenant;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The request/response filter pair behind {@link Idempotent}: claims the key before the resource method runs (or
 * answers with the stored response), then stores a successful response or frees the key of a failed one.
 */
public class IdempotencyFilters {

    public static final String KEY_HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final int MAX_KEY_LENGTH = 255;

    private static final String CLAIM_PROPERTY = IdempotencyFilters.class.getName() + ".claim";
    private static final List<String> STORED_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG);

    private final IdempotencyService service;
    private final CurrentIdentityAssociation identity;
    private final CurrentTenant tenant;
    private final ObjectMapper mapper;

    public IdempotencyFilters(IdempotencyService service, CurrentIdentityAssociation identity, CurrentTenant tenant,
            ObjectMapper mapper) {
        this.service = service;
        this.identity = identity;
        this.tenant = tenant;
        this.mapper = mapper;
    }

    @Idempotent
    @ServerRequestFilter(readBody = true) // the body is buffered before this runs, so hashing it never blocks
    public Uni<Response> claimOrReplay(ContainerRequestContext request) {
        String key = request.getHeaderString(KEY_HEADER);
        if (key == null) {
            return Uni.createFrom().nullItem();
        }
        requireValidKey(key);
        String hash = requestHash(request);
        Context context = Vertx.currentContext();
        // Authentication is lazy: resolve it here. Anonymous requests pass on unclaimed and get their 401 as usual.
        return identity.getDeferredIdentity()
                .chain(caller -> {
                    if (caller.isAnonymous()) {
                        return Uni.createFrom().nullItem();
                    }
                    IdempotencyClaim claim = new IdempotencyClaim(tenant.id(), key, hash);
                    return service.claimOrReplay(claim, context)
                            .map(stored -> {
                                if (stored == null) {
                                    request.setProperty(CLAIM_PROPERTY, claim);
                                    return null;
                                }
                                return replay(stored);
                            });
                });
    }

    @Idempotent
    @ServerResponseFilter
    public Uni<Void> completeOrRelease(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM_PROPERTY) instanceof IdempotencyClaim claim)) {
            return Uni.createFrom().voidItem();
        }
        request.removeProperty(CLAIM_PROPERTY);
        // Only successes are kept: after a failure (validation, conflict, 5xx) a corrected retry may reuse the key.
        if (response.getStatus() < 200 || response.getStatus() >= 300) {
            return service.release(claim);
        }
        return service.complete(claim, new StoredResponse(response.getStatus(), body(response), headers(response)));
    }

    private static Response replay(StoredResponse stored) {
        Response.ResponseBuilder builder = Response.status(stored.status())
                .header(REPLAYED_HEADER, "true");
        stored.headers().forEach(builder::header);
        if (stored.body() != null) {
            builder.entity(stored.body()).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return builder.build();
    }

    private String body(ContainerResponseContext response) {
        Object entity = response.getEntity();
        if (entity == null) {
            return null;
        }
        try {
            return entity instanceof String text ? text : mapper.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response of an idempotent request is not serializable", e);
        }
    }

    private static Map<String, String> headers(ContainerResponseContext response) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : STORED_HEADERS) {
            String value = response.getHeaderString(name);
            if (value != null) {
                kept.put(name, value);
            }
        }
        return kept;
    }

    private static void requireValidKey(String key) {
        boolean printable = !key.isEmpty() && key.length() <= MAX_KEY_LENGTH
                && key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
        if (!printable) {
            throw new InvalidRequestException(
                    KEY_HEADER + " must be 1 to " + MAX_KEY_LENGTH + " printable ASCII characters");
        }
    }

    /** SHA-256 over method, path with query, and the body bytes exactly as received (re-fed to the resource). */
    private static String requestHash(ContainerRequestContext request) {
        byte[] body;
        try {
            body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException("request body unreadable", e);
        }
        request.setEntityStream(new ByteArrayInputStream(body));
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String target = request.getMethod() + " " + request.getUriInfo().getRequestUri().getRawPath() + "?"
                    + (request.getUriInfo().getRequestUri().getRawQuery() == null ? ""
                            : request.getUriInfo().getRequestUri().getRawQuery()) + "\n";
            digest.update(target.getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
