package io.integration.credential.kms.pkcs11;

import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;

/** Where the HSM is: the PKCS#11 library, the slot (by id or by position) and the user PIN (redacted in toString). */
public final class Pkcs11Settings {

    private final Path library;
    private final OptionalLong slotId;
    private final int slotListIndex;
    private final char[] pin;

    public Pkcs11Settings(Path library, OptionalLong slotId, int slotListIndex, char[] pin) {
        this.library = Objects.requireNonNull(library, "library");
        this.slotId = Objects.requireNonNull(slotId, "slotId");
        this.slotListIndex = slotListIndex;
        this.pin = Objects.requireNonNull(pin, "pin").clone();
    }

    public Path library() {
        return library;
    }

    public OptionalLong slotId() {
        return slotId;
    }

    public int slotListIndex() {
        return slotListIndex;
    }

    /** A copy of the PIN; the caller wipes it after use. */
    public char[] pin() {
        return pin.clone();
    }

    @Override
    public String toString() {
        return "Pkcs11Settings[library=" + library + ", slot=" + (slotId.isPresent() ? slotId.getAsLong()
                : "index " + slotListIndex) + ", pin=<redacted>]";
    }
}
