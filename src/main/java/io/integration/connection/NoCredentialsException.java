package io.integration.connection;

import java.util.UUID;

import io.integration.common.ConflictException;

/** A test of a connection that holds no credentials (disconnected). */
public class NoCredentialsException extends ConflictException {

    public NoCredentialsException(UUID id) {
        super("connection " + id + " holds no credentials; connect it again first");
    }
}
