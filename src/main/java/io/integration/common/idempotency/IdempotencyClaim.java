package io.integration.common.idempotency;

import io.integration.tenancy.TenantId;

/** The key a request owns while it runs (the PENDING row it inserted), to complete or release afterwards. */
record IdempotencyClaim(TenantId tenant, String key, String requestHash) {
}
