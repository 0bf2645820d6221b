package io.integration.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** Shares the test issuer's URL between the test resource and the token helper through the key folder. */
final class Files2 {

    private Files2() {
    }

    static void writeIssuer(String issuerUrl) {
        try {
            Files.writeString(TestKeys.DIR.resolve("issuer"), issuerUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String readIssuer() {
        try {
            return Files.readString(TestKeys.DIR.resolve("issuer")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
