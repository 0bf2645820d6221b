package io.integration.tenancy;

import java.util.Objects;
import java.util.UUID;

/** The tenant every row belongs to; only ever built from a verified token or a system lookup. */
public record TenantId(UUID value) {

    public TenantId {
        Objects.requireNonNull(value, "tenant id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
