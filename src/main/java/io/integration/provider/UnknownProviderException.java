package io.integration.provider;

import io.integration.common.ApiException;

/** A provider slug that no shipped definition has. */
public class UnknownProviderException extends ApiException {

    public UnknownProviderException(String slug, int status) {
        super(status, status == 404 ? "Not Found" : "Bad Request", "no provider definition for '" + slug + "'");
    }
}
