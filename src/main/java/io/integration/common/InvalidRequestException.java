package io.integration.common;

/** A request that is well-formed JSON but not acceptable: a bad identifier, cursor or parameter. */
public class InvalidRequestException extends ApiException {

    public InvalidRequestException(String detail) {
        super(400, "Bad Request", detail);
    }
}
