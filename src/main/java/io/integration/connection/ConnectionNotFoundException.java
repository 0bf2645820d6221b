package io.integration.connection;

import java.util.UUID;

import io.integration.common.ResourceNotFoundException;

/** No connection with this id for the caller's tenant. */
public class ConnectionNotFoundException extends ResourceNotFoundException {

    public ConnectionNotFoundException(UUID id) {
        super("connection", id);
    }
}
