package io.integration.oauth;

/**
 * A provider token endpoint that did not issue tokens: either it answered with an OAuth error code ({@link #rejected}),
 * or it could not be reached or answered something unusable ({@link #unavailable}). Never carries a token or a body.
 */
final class TokenEndpointException extends RuntimeException {

    private final String errorCode;

    private TokenEndpointException(String errorCode, String message) {
        super(message, null, false, false);
        this.errorCode = errorCode;
    }

    /** The provider answered with OAuth error {@code code} (e.g. invalid_grant). */
    static TokenEndpointException rejected(String code, int status) {
        return new TokenEndpointException(code, "token endpoint answered HTTP " + status + " error=" + code);
    }

    /** The endpoint failed transiently: 5xx, timeout, connection failure, unreadable answer. */
    static TokenEndpointException unavailable(String what) {
        return new TokenEndpointException(null, what);
    }

    boolean isRejected() {
        return errorCode != null;
    }

    boolean isInvalidGrant() {
        return "invalid_grant".equals(errorCode);
    }

    String errorCode() {
        return errorCode;
    }
}
