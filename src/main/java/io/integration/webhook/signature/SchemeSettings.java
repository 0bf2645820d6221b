package io.integration.webhook.signature;

import java.time.Duration;

/**
 * A provider definition's signature settings: the scheme id plus the optional header, encoding, prefix and
 * timestamp tolerance. Unset values are {@code null}; which ones a scheme accepts is checked by {@link SignatureSchemes}.
 */
public record SchemeSettings(String schemeId, String header, SignatureEncoding encoding, String prefix,
        Duration tolerance) {

    public static SchemeSettings of(String schemeId) {
        return new SchemeSettings(schemeId, null, null, null, null);
    }

    public SchemeSettings withHeader(String newHeader) {
        return new SchemeSettings(schemeId, newHeader, encoding, prefix, tolerance);
    }

    public SchemeSettings withEncoding(SignatureEncoding newEncoding) {
        return new SchemeSettings(schemeId, header, newEncoding, prefix, tolerance);
    }

    public SchemeSettings withPrefix(String newPrefix) {
        return new SchemeSettings(schemeId, header, encoding, newPrefix, tolerance);
    }

    public SchemeSettings withTolerance(Duration newTolerance) {
        return new SchemeSettings(schemeId, header, encoding, prefix, newTolerance);
    }
}
