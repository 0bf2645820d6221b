package io.integration.common.idempotency;

import io.integration.common.ApiException;

/** The Idempotency-Key was already used for a different request (another method, path or body). */
public class IdempotencyKeyReusedException extends ApiException {

    public IdempotencyKeyReusedException() {
        super(422, "Unprocessable Content",
                "this Idempotency-Key was already used with a different request; use a new key for a new request");
    }
}
