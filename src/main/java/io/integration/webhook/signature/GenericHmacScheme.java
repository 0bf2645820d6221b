package io.integration.webhook.signature;

import static io.integration.webhook.signature.VerificationStatus.MALFORMED_SIGNATURE;
import static io.integration.webhook.signature.VerificationStatus.MISSING_SIGNATURE;
import static io.integration.webhook.signature.VerificationStatus.NO_USABLE_SECRET;
import static io.integration.webhook.signature.VerificationStatus.SIGNATURE_MISMATCH;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** HMAC-SHA256 of the raw body in a configurable header, hex or base64, behind an optional prefix. */
public final class GenericHmacScheme implements SignatureScheme {

    public static final String ID = "hmac-sha256";

    private final String name;
    private final String headerName;
    private final SignatureEncoding encoding;
    private final String prefix;

    public GenericHmacScheme(String headerName, SignatureEncoding encoding, String prefix) {
        this(ID, headerName, encoding, prefix);
    }

    /** For providers that are this scheme under a fixed configuration (GitHub) and report their own name. */
    GenericHmacScheme(String name, String headerName, SignatureEncoding encoding, String prefix) {
        this.name = Objects.requireNonNull(name, "name");
        this.headerName = requireHeaderName(headerName);
        this.encoding = Objects.requireNonNull(encoding, "encoding");
        this.prefix = prefix == null ? "" : prefix;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public VerificationResult verify(WebhookRequest request, List<byte[]> secrets) {
        List<byte[]> keys = HmacSha256.usableKeys(secrets);
        if (keys.isEmpty()) {
            return reject(NO_USABLE_SECRET, "no usable secret configured");
        }
        Optional<String> header = request.header(headerName);
        if (header.isEmpty()) {
            return reject(MISSING_SIGNATURE, "signature header missing");
        }
        String value = header.get().strip();
        if (!SignatureHeaders.isPlausible(value)) {
            return reject(MALFORMED_SIGNATURE, "signature header empty, too long or not printable ASCII");
        }
        if (!value.startsWith(prefix)) {
            return reject(MALFORMED_SIGNATURE, "signature lacks the expected prefix");
        }
        Optional<byte[]> presented = encoding.decodeMac(value.substring(prefix.length()));
        if (presented.isEmpty()) {
            return reject(MALFORMED_SIGNATURE, "signature is not a " + encoding.id() + " HMAC-SHA256 value");
        }
        List<byte[]> computed = keys.stream().map(key -> HmacSha256.mac(key, request.rawBody())).toList();
        return HmacSha256.anyMatches(computed, List.of(presented.get()))
                ? VerificationResult.verified(name)
                : reject(SIGNATURE_MISMATCH, "signature does not match the body");
    }

    private VerificationResult reject(VerificationStatus status, String reason) {
        return VerificationResult.rejected(status, name, reason);
    }

    private static String requireHeaderName(String headerName) {
        if (headerName == null || headerName.isBlank()) {
            throw new IllegalArgumentException("an HMAC signature scheme needs a header name");
        }
        return headerName;
    }

    @Override
    public String toString() {
        return "GenericHmacScheme[" + name + ", header=" + headerName + ", " + encoding.id() + ", prefix=" + prefix + "]";
    }
}
