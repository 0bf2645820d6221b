package io.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.integration.support.Secrets;

/**
 * Runs after the whole suite (Surefire execution in the verify phase): the service log and every test's captured
 * output must not contain any test secret, while showing that secrets were in fact stored and revealed.
 */
class SecretsInLogsAudit {

    private static final Path TARGET = Path.of("target");
    private static final Path REPORTS = Path.of("target", "surefire-reports");
    private static final Path FAILSAFE_REPORTS = Path.of("target", "failsafe-reports");

    @Test
    void noTestSecretAppearsInAnyCapturedLog() throws IOException {
        List<Path> captured = new ArrayList<>();
        // The service log, including any file rotated away by size or by an earlier boot.
        try (Stream<Path> files = Files.list(TARGET)) {
            files.filter(f -> f.getFileName().toString().startsWith("quarkus-test.log")).forEach(captured::add);
        }
        StringBuilder serviceLog = new StringBuilder();
        for (Path file : captured) {
            serviceLog.append(Files.readString(file, StandardCharsets.ISO_8859_1));
        }
        // Not vacuous: the suite stored and revealed secrets, and the service logged those operations.
        assertThat(serviceLog.toString()).contains("credentials stored").contains("secret revealed");

        // The log of the packaged application under the @QuarkusIntegrationTest classes (-Dnative), and their output.
        try (Stream<Path> files = Files.list(TARGET)) {
            files.filter(f -> f.getFileName().toString().startsWith("quarkus.log")).forEach(captured::add);
        }
        if (Files.isDirectory(FAILSAFE_REPORTS)) {
            try (Stream<Path> files = Files.list(FAILSAFE_REPORTS)) {
                files.filter(f -> f.getFileName().toString().endsWith("-output.txt")).forEach(captured::add);
            }
        }
        try (Stream<Path> files = Files.list(REPORTS)) {
            files.filter(f -> f.getFileName().toString().endsWith("-output.txt")
                            || f.getFileName().toString().endsWith(".xml"))
                    // Its own earlier reports would quote whatever it found last time.
                    .filter(f -> !f.getFileName().toString().contains(SecretsInLogsAudit.class.getSimpleName()))
                    .forEach(captured::add);
        }
        assertThat(captured).hasSizeGreaterThan(5);
        for (Path file : captured) {
            String text = Files.readString(file, StandardCharsets.ISO_8859_1);
            assertThat(text).as("captured output %s", file).doesNotContain(Secrets.PREFIX);
        }
    }
}
