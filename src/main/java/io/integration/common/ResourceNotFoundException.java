package io.integration.common;

import java.util.UUID;

/** An object that does not exist for the caller's tenant (a foreign tenant's object answers exactly the same). */
public class ResourceNotFoundException extends ApiException {

    public ResourceNotFoundException(String kind, UUID id) {
        super(404, "Not Found", kind + " " + id + " was not found");
    }
}
