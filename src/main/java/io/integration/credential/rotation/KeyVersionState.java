package io.integration.credential.rotation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A key-encryption key version, its shared state, and how many rows still have data keys wrapped by it. */
@Schema(name = "KeyVersion")
public record KeyVersionState(String keyRef, String state, long rowsUsing) {
}
