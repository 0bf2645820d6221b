package io.integration.credential.rotation;

import io.integration.common.ConflictException;

/** A rotation run is already in progress; there is at most one at a time. */
public class RotationAlreadyRunningException extends ConflictException {

    public RotationAlreadyRunningException() {
        super("a key rotation is already running; follow it with GET /api/v1/admin/kms/rotations/latest");
    }
}
