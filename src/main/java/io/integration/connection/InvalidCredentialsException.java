package io.integration.connection;

import io.integration.common.ApiException;

/** Credentials that do not fit the provider's auth mode. */
public class InvalidCredentialsException extends ApiException {

    public InvalidCredentialsException(String detail) {
        super(400, "Bad Request", detail);
    }
}
