package io.integration.mapping;

import java.util.UUID;

import io.integration.common.ResourceNotFoundException;

/** No connection with this id for the caller's tenant (the mapping feature's view; answers like any missing object). */
class ConnectionNotFoundException extends ResourceNotFoundException {

    ConnectionNotFoundException(UUID id) {
        super("connection", id);
    }
}
