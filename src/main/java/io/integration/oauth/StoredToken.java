package io.integration.oauth;

import java.time.Instant;
import java.util.UUID;

/** One oauth_tokens row as the refresh core reads it: blobs still sealed, refresh state, versions. */
record StoredToken(UUID id, byte[] accessBlob, byte[] refreshBlob, byte[] idBlob, String tokenType, String[] scopes,
        Instant expiresAt, String refreshStatus, int refreshFailures, Instant nextRefreshAt, Instant lastRefreshedAt,
        Instant createdAt, int tokenVersion, String lastRefreshError) {

    static final String EXPIRED = "EXPIRED";
    static final String FAILING = "FAILING";

    boolean expired() {
        return EXPIRED.equals(refreshStatus);
    }

    /** Valid beyond {@code margin} from now (a token without expiry counts as valid). */
    boolean validBeyond(Instant now, java.time.Duration margin) {
        return accessBlob != null && (expiresAt == null || expiresAt.isAfter(now.plus(margin)));
    }

    /** Still usable at all right now. */
    boolean usable(Instant now) {
        return validBeyond(now, java.time.Duration.ZERO);
    }

    boolean backingOff(Instant now) {
        return nextRefreshAt != null && nextRefreshAt.isAfter(now);
    }

    @Override
    public String toString() {
        return "StoredToken[id=" + id + ", v" + tokenVersion + ", " + refreshStatus + "]";
    }
}
