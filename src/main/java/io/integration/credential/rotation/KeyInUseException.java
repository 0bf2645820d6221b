package io.integration.credential.rotation;

import io.integration.common.ConflictException;

/** A key version that still wraps data keys (or is active) cannot be retired. */
public class KeyInUseException extends ConflictException {

    public KeyInUseException(String keyRef, String reason) {
        super("key version " + keyRef + " cannot be retired: " + reason);
    }
}
