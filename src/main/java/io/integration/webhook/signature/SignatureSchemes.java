package io.integration.webhook.signature;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** Builds the signature scheme a provider definition names, with its settings and the shared clock. */
public final class SignatureSchemes {

    static final List<String> KNOWN = List.of(
            GenericHmacScheme.ID, StripeScheme.ID, GitHubScheme.ID, SlackScheme.ID, StandardWebhooksScheme.ID);

    /** Five minutes, the window Stripe, Slack and the Standard Webhooks libraries all default to. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private final Clock clock;

    public SignatureSchemes(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The scheme for these settings. A setting the scheme has no use for is refused rather than ignored,
     * so a typo in a provider definition fails when it is loaded instead of silently verifying differently.
     */
    public SignatureScheme create(SchemeSettings settings) {
        Objects.requireNonNull(settings, "settings");
        String id = settings.schemeId();
        if (id == null || !KNOWN.contains(id)) {
            throw new UnknownSignatureSchemeException(id);
        }
        return switch (id) {
            case GenericHmacScheme.ID -> {
                refuse(settings, settings.tolerance() != null, "tolerance (the body alone is signed)");
                if (settings.header() == null || settings.header().isBlank()) {
                    throw new IllegalArgumentException("Signature scheme hmac-sha256 needs a header setting");
                }
                SignatureEncoding encoding = settings.encoding() == null ? SignatureEncoding.HEX : settings.encoding();
                yield new GenericHmacScheme(settings.header(), encoding, settings.prefix());
            }
            case GitHubScheme.ID -> {
                refuseFixedFormat(settings);
                refuse(settings, settings.tolerance() != null, "tolerance (GitHub signs no timestamp)");
                yield new GitHubScheme();
            }
            case StripeScheme.ID -> {
                refuseFixedFormat(settings);
                yield new StripeScheme(clock, toleranceOf(settings));
            }
            case SlackScheme.ID -> {
                refuseFixedFormat(settings);
                yield new SlackScheme(clock, toleranceOf(settings));
            }
            case StandardWebhooksScheme.ID -> {
                refuseFixedFormat(settings);
                yield new StandardWebhooksScheme(clock, toleranceOf(settings));
            }
            default -> throw new UnknownSignatureSchemeException(id);
        };
    }

    private static Duration toleranceOf(SchemeSettings settings) {
        return settings.tolerance() == null ? DEFAULT_TOLERANCE : settings.tolerance();
    }

    private static void refuseFixedFormat(SchemeSettings settings) {
        refuse(settings, settings.header() != null, "header (the provider fixes it)");
        refuse(settings, settings.encoding() != null, "encoding (the provider fixes it)");
        refuse(settings, settings.prefix() != null, "prefix (the provider fixes it)");
    }

    private static void refuse(SchemeSettings settings, boolean present, String setting) {
        if (present) {
            throw new IllegalArgumentException(
                    "Signature scheme " + settings.schemeId() + " takes no " + setting + " setting");
        }
    }
}
