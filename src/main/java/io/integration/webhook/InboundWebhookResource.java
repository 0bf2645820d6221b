package io.integration.webhook;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** The public endpoint providers deliver webhooks to, addressed by an opaque routing token (no tenant in the URL). */
@Path("/webhooks/in/{token}")
@Tag(name = "Webhooks")
public class InboundWebhookResource {

    private final WebhookIngestService service;

    public InboundWebhookResource(WebhookIngestService service) {
        this.service = service;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive a provider webhook", description = "200 once the event is stored and queued (or was already); 401 bad or stale signature; 404 unknown endpoint; 413 too large; 415 wrong content type.")
    public Uni<Response> receive(@PathParam("token") String token, @Context HttpHeaders headers, byte[] body) {
        Map<String, List<String>> all = headers.getRequestHeaders();
        return service.receive(token, headers.getHeaderString(HttpHeaders.CONTENT_TYPE), body == null ? new byte[0] : body, all)
                .map(outcome -> {
                    if (outcome.status() != 200) {
                        // Rendered as problem+json by the central mapper, like every other refusal.
                        throw new WebhookRejectedException(outcome);
                    }
                    return Response.ok(Map.of("status", outcome.outcome())).build();
                });
    }
}
