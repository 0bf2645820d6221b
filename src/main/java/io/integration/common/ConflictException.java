package io.integration.common;

/** The request conflicts with the current state, e.g. a unique key already taken. */
public class ConflictException extends ApiException {

    public ConflictException(String detail) {
        super(409, "Conflict", detail);
    }
}
