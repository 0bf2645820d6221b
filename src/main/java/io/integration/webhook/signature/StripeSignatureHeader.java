package io.integration.webhook.signature;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** A parsed {@code Stripe-Signature} value: the timestamp as sent and every {@code v1} MAC; others are ignored. */
record StripeSignatureHeader(String timestamp, long epochSeconds, List<byte[]> v1Signatures) {

    /** Either a parsed header or the fixed reason it is malformed. */
    record Parsed(Optional<StripeSignatureHeader> header, String problem) {

        static Parsed of(StripeSignatureHeader header) {
            return new Parsed(Optional.of(header), "");
        }

        static Parsed malformed(String problem) {
            return new Parsed(Optional.empty(), problem);
        }
    }

    /** Parses {@code t=<unix>,v1=<hex>[,v1=<hex>...][,v0=...]}; the value must already be bounded and ASCII. */
    static Parsed parse(String value) {
        String timestamp = null;
        List<byte[]> v1 = new ArrayList<>();
        for (String element : value.split(",", -1)) {
            int equals = element.indexOf('=');
            if (equals <= 0) {
                return Parsed.malformed("element without key=value");
            }
            String key = element.substring(0, equals).strip();
            String item = element.substring(equals + 1).strip();
            if (key.equals("t")) {
                if (timestamp != null) {
                    // Two timestamps would make "which one was signed" the attacker's choice.
                    return Parsed.malformed("more than one t=");
                }
                timestamp = item;
            } else if (key.equals("v1")) {
                Optional<byte[]> mac = SignatureEncoding.HEX.decodeMac(item);
                if (mac.isEmpty()) {
                    return Parsed.malformed("v1 is not a hex HMAC-SHA256 value");
                }
                v1.add(mac.get());
            }
            // v0 (test-mode scheme) and any future scheme are ignored, as Stripe's own libraries do.
        }
        if (timestamp == null) {
            return Parsed.malformed("missing t=");
        }
        OptionalLong epochSeconds = ReplayWindow.parseEpochSeconds(timestamp);
        if (epochSeconds.isEmpty()) {
            return Parsed.malformed("t= is not a Unix time in seconds");
        }
        if (v1.isEmpty()) {
            return Parsed.malformed("no v1 signature");
        }
        return Parsed.of(new StripeSignatureHeader(timestamp, epochSeconds.getAsLong(), List.copyOf(v1)));
    }
}
