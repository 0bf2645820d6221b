package io.integration.webhook.signature;

/** Bounds every signature-related header value before any parsing is attempted. */
final class SignatureHeaders {

    /** Far above any real signature header (Stripe with several v1, Standard Webhooks with a few keys). */
    static final int MAX_LENGTH = 8 * 1024;

    private SignatureHeaders() {
    }

    /**
     * Whether a value is short enough and made only of visible ASCII and spaces. Every legitimate value is
     * (hex, base64, digits, ids), so non-ASCII, control characters and NUL bytes are refused up front.
     */
    static boolean isPlausible(String value) {
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
