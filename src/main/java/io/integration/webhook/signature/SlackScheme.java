package io.integration.webhook.signature;

import static io.integration.webhook.signature.VerificationStatus.MALFORMED_SIGNATURE;
import static io.integration.webhook.signature.VerificationStatus.MISSING_SIGNATURE;
import static io.integration.webhook.signature.VerificationStatus.NO_USABLE_SECRET;
import static io.integration.webhook.signature.VerificationStatus.SIGNATURE_MISMATCH;
import static io.integration.webhook.signature.VerificationStatus.TIMESTAMP_OUT_OF_TOLERANCE;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Slack: {@code X-Slack-Signature: v0=<hex>} of {@code v0:{X-Slack-Request-Timestamp}:{body}}, within a tolerance. */
public final class SlackScheme implements SignatureScheme {

    public static final String ID = "slack";

    static final String SIGNATURE_HEADER = "X-Slack-Signature";
    static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
    private static final String VERSION_PREFIX = "v0=";
    private static final byte[] BASE_STRING_VERSION = "v0:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEPARATOR = {':'};

    private final ReplayWindow window;

    public SlackScheme(Clock clock, Duration tolerance) {
        this.window = new ReplayWindow(clock, tolerance);
    }

    @Override
    public String name() {
        return ID;
    }

    @Override
    public VerificationResult verify(WebhookRequest request, List<byte[]> secrets) {
        List<byte[]> keys = HmacSha256.usableKeys(secrets);
        if (keys.isEmpty()) {
            return reject(NO_USABLE_SECRET, "no usable secret configured");
        }
        Optional<String> signatureHeader = request.header(SIGNATURE_HEADER);
        if (signatureHeader.isEmpty()) {
            return reject(MISSING_SIGNATURE, "X-Slack-Signature header missing");
        }
        Optional<String> timestampHeader = request.header(TIMESTAMP_HEADER);
        if (timestampHeader.isEmpty()) {
            return reject(MALFORMED_SIGNATURE, "X-Slack-Request-Timestamp header missing");
        }
        String signature = signatureHeader.get().strip();
        String timestamp = timestampHeader.get().strip();
        if (!SignatureHeaders.isPlausible(signature) || !SignatureHeaders.isPlausible(timestamp)) {
            return reject(MALFORMED_SIGNATURE, "signature headers empty, too long or not printable ASCII");
        }
        OptionalLong signedAt = ReplayWindow.parseEpochSeconds(timestamp);
        if (signedAt.isEmpty()) {
            return reject(MALFORMED_SIGNATURE, "X-Slack-Request-Timestamp is not a Unix time in seconds");
        }
        if (!signature.startsWith(VERSION_PREFIX)) {
            return reject(MALFORMED_SIGNATURE, "signature lacks the v0= version");
        }
        Optional<byte[]> presented = SignatureEncoding.HEX.decodeMac(signature.substring(VERSION_PREFIX.length()));
        if (presented.isEmpty()) {
            return reject(MALFORMED_SIGNATURE, "signature is not a hex HMAC-SHA256 value");
        }
        // The timestamp goes into the base string exactly as received: that string is what Slack signed.
        byte[] timestampBytes = timestamp.getBytes(StandardCharsets.US_ASCII);
        List<byte[]> computed = keys.stream()
                .map(key -> HmacSha256.mac(key, BASE_STRING_VERSION, timestampBytes, SEPARATOR, request.rawBody()))
                .toList();
        if (!HmacSha256.anyMatches(computed, List.of(presented.get()))) {
            return reject(SIGNATURE_MISMATCH, "signature does not match the timestamp and body");
        }
        // Checked after the signature, so this status always means an authentic request that arrived too late or early.
        if (!window.contains(signedAt.getAsLong())) {
            return reject(TIMESTAMP_OUT_OF_TOLERANCE, "timestamp outside the tolerance of " + window.tolerance());
        }
        return VerificationResult.verified(name());
    }

    private VerificationResult reject(VerificationStatus status, String reason) {
        return VerificationResult.rejected(status, name(), reason);
    }
}
