package io.integration.common.idempotency;

import io.integration.common.ConflictException;

/** A request with the same Idempotency-Key is still being processed; the client should retry shortly. */
public class IdempotencyKeyInProgressException extends ConflictException {

    public IdempotencyKeyInProgressException() {
        super("a request with this Idempotency-Key is still in progress; retry shortly");
    }
}
