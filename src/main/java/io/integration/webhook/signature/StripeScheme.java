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

/**
 * Stripe: {@code Stripe-Signature: t=..,v1=..} over {@code "{t}.{body}"}; any v1 may match, t within a tolerance.
 * The secret is used as given, {@code whsec_} prefix included: Stripe keys the HMAC with the whole string.
 */
public final class StripeScheme implements SignatureScheme {

    public static final String ID = "stripe";

    static final String HEADER = "Stripe-Signature";
    private static final byte[] SEPARATOR = {'.'};

    private final ReplayWindow window;

    public StripeScheme(Clock clock, Duration tolerance) {
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
        Optional<String> header = request.header(HEADER);
        if (header.isEmpty()) {
            return reject(MISSING_SIGNATURE, "Stripe-Signature header missing");
        }
        String value = header.get().strip();
        if (!SignatureHeaders.isPlausible(value)) {
            return reject(MALFORMED_SIGNATURE, "Stripe-Signature empty, too long or not printable ASCII");
        }
        StripeSignatureHeader.Parsed parsed = StripeSignatureHeader.parse(value);
        if (parsed.header().isEmpty()) {
            return reject(MALFORMED_SIGNATURE, "Stripe-Signature malformed: " + parsed.problem());
        }
        StripeSignatureHeader signature = parsed.header().get();
        byte[] timestamp = signature.timestamp().getBytes(StandardCharsets.US_ASCII);
        List<byte[]> computed = keys.stream()
                .map(key -> HmacSha256.mac(key, timestamp, SEPARATOR, request.rawBody()))
                .toList();
        if (!HmacSha256.anyMatches(computed, signature.v1Signatures())) {
            return reject(SIGNATURE_MISMATCH, "no v1 signature matches the timestamp and body");
        }
        // After the MAC, so this status always means an authentic event delivered (or replayed) outside the window.
        if (!window.contains(signature.epochSeconds())) {
            return reject(TIMESTAMP_OUT_OF_TOLERANCE, "timestamp outside the tolerance of " + window.tolerance());
        }
        return VerificationResult.verified(name());
    }

    private VerificationResult reject(VerificationStatus status, String reason) {
        return VerificationResult.rejected(status, name(), reason);
    }
}
