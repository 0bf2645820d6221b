package io.integration.webhook;

import jakarta.ws.rs.core.Response;

import io.integration.common.ApiException;

/** An inbound webhook refused (unknown endpoint, bad signature, too large, wrong type), with its reason code. */
class WebhookRejectedException extends ApiException {

    WebhookRejectedException(IngestOutcome outcome) {
        super(outcome.status(), Response.Status.fromStatusCode(outcome.status()).getReasonPhrase(), outcome.reason());
    }
}
