package io.integration.webhook.signature;

import static io.integration.webhook.signature.VerificationStatus.MALFORMED_SIGNATURE;
import static io.integration.webhook.signature.VerificationStatus.MISSING_SIGNATURE;
import static io.integration.webhook.signature.VerificationStatus.NO_USABLE_SECRET;
import static io.integration.webhook.signature.VerificationStatus.SIGNATURE_MISMATCH;
import static io.integration.webhook.signature.VerificationStatus.TIMESTAMP_OUT_OF_TOLERANCE;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Standard Webhooks (standardwebhooks.com, used by Svix and others): {@code webhook-signature: v1,<base64> ...}
 * over {@code "{webhook-id}.{webhook-timestamp}.{body}"}, keyed by {@code whsec_} secrets, within a tolerance.
 */
public final class StandardWebhooksScheme implements SignatureScheme {

    public static final String ID = "standard-webhooks";

    static final String ID_HEADER = "webhook-id";
    static final String TIMESTAMP_HEADER = "webhook-timestamp";
    static final String SIGNATURE_HEADER = "webhook-signature";
    static final String SYMMETRIC_VERSION = "v1";
    private static final byte[] SEPARATOR = {'.'};

    private final ReplayWindow window;

    public StandardWebhooksScheme(Clock clock, Duration tolerance) {
        this.window = new ReplayWindow(clock, tolerance);
    }

    @Override
    public String name() {
        return ID;
    }

    @Override
    public VerificationResult verify(WebhookRequest request, List<byte[]> secrets) {
        List<byte[]> keys = decodeKeys(secrets);
        if (keys.isEmpty()) {
            return reject(NO_USABLE_SECRET, "no usable whsec_ secret configured");
        }
        Optional<String> signatureHeader = request.header(SIGNATURE_HEADER);
        if (signatureHeader.isEmpty()) {
            return reject(MISSING_SIGNATURE, "webhook-signature header missing");
        }
        Optional<String> idHeader = request.header(ID_HEADER);
        Optional<String> timestampHeader = request.header(TIMESTAMP_HEADER);
        if (idHeader.isEmpty() || timestampHeader.isEmpty()) {
            return reject(MALFORMED_SIGNATURE, "webhook-id or webhook-timestamp header missing");
        }
        String signatures = signatureHeader.get().strip();
        String id = idHeader.get().strip();
        String timestamp = timestampHeader.get().strip();
        if (!SignatureHeaders.isPlausible(signatures) || !SignatureHeaders.isPlausible(id)
                || !SignatureHeaders.isPlausible(timestamp)) {
            return reject(MALFORMED_SIGNATURE, "signature headers empty, too long or not printable ASCII");
        }
        OptionalLong signedAt = ReplayWindow.parseEpochSeconds(timestamp);
        if (signedAt.isEmpty()) {
            return reject(MALFORMED_SIGNATURE, "webhook-timestamp is not a Unix time in seconds");
        }
        List<byte[]> presented = new ArrayList<>();
        for (String entry : signatures.split(" +")) {
            int comma = entry.indexOf(',');
            if (comma <= 0) {
                return reject(MALFORMED_SIGNATURE, "signature entry is not version,value");
            }
            // v1a (asymmetric) and unknown versions are skipped: the spec lets senders add them alongside v1.
            if (entry.substring(0, comma).equals(SYMMETRIC_VERSION)) {
                Optional<byte[]> mac = SignatureEncoding.BASE64.decodeMac(entry.substring(comma + 1));
                if (mac.isEmpty()) {
                    return reject(MALFORMED_SIGNATURE, "v1 signature is not a base64 HMAC-SHA256 value");
                }
                presented.add(mac.get());
            }
        }
        if (presented.isEmpty()) {
            return reject(MALFORMED_SIGNATURE, "no v1 signature");
        }
        byte[] idBytes = id.getBytes(StandardCharsets.US_ASCII);
        byte[] timestampBytes = timestamp.getBytes(StandardCharsets.US_ASCII);
        List<byte[]> computed = keys.stream()
                .map(key -> HmacSha256.mac(key, idBytes, SEPARATOR, timestampBytes, SEPARATOR, request.rawBody()))
                .toList();
        if (!HmacSha256.anyMatches(computed, presented)) {
            return reject(SIGNATURE_MISMATCH, "no v1 signature matches the id, timestamp and body");
        }
        // After the MAC, so this status always means an authentic message delivered (or replayed) outside the window.
        if (!window.contains(signedAt.getAsLong())) {
            return reject(TIMESTAMP_OUT_OF_TOLERANCE, "timestamp outside the tolerance of " + window.tolerance());
        }
        return VerificationResult.verified(name());
    }

    private static List<byte[]> decodeKeys(List<byte[]> secrets) {
        // An undecodable secret is skipped rather than fatal, so one bad entry cannot block a rotation overlap.
        return HmacSha256.usableKeys(secrets).stream()
                .map(StandardWebhooksSecret::decodeKey)
                .flatMap(Optional::stream)
                .toList();
    }

    private VerificationResult reject(VerificationStatus status, String reason) {
        return VerificationResult.rejected(status, name(), reason);
    }
}
