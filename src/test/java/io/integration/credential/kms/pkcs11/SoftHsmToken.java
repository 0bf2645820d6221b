package io.integration.credential.kms.pkcs11;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A SoftHSM2 token in a temporary directory, created once per JVM because SoftHSM reads SOFTHSM2_CONF only when
 * the library is first loaded. Fails loudly, never skips, when SoftHSM2 is missing: CI installs it.
 */
public final class SoftHsmToken {

    public static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    private static final String USER_PIN = "vault-user-pin";
    private static final Pattern SLOT = Pattern.compile("reassigned to slot (\\d+)");

    private static SoftHsmToken shared;

    private final long slotId;
    private final Path tokenDirectory;

    private SoftHsmToken(long slotId, Path tokenDirectory) {
        this.slotId = slotId;
        this.tokenDirectory = tokenDirectory;
    }

    /** The token of this JVM, initialised on first use. */
    public static synchronized SoftHsmToken shared() {
        if (shared == null) {
            shared = initialise();
        }
        return shared;
    }

    public Pkcs11Settings settings() {
        return new Pkcs11Settings(LIBRARY, OptionalLong.of(slotId), 0, USER_PIN.toCharArray());
    }

    public long slotId() {
        return slotId;
    }

    public Path tokenDirectory() {
        return tokenDirectory;
    }

    private static SoftHsmToken initialise() {
        if (!Files.isRegularFile(LIBRARY) || !Files.isExecutable(Path.of("/usr/bin/softhsm2-util"))) {
            throw new IllegalStateException("SoftHSM2 is not installed (" + LIBRARY + " or softhsm2-util missing): "
                    + "run 'apt-get install -y softhsm2'; the pkcs11 provider tests require it");
        }
        String conf = System.getenv("SOFTHSM2_CONF");
        if (conf == null || conf.isBlank()) {
            throw new IllegalStateException("SOFTHSM2_CONF is not set; the Maven Surefire configuration sets it, "
                    + "set it to a writable path when running these tests elsewhere");
        }
        try {
            Path tokens = Files.createTempDirectory("softhsm-tokens-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(tokens)));
            Path confFile = Path.of(conf);
            Files.createDirectories(confFile.toAbsolutePath().getParent());
            Files.writeString(confFile, "directories.tokendir = " + tokens + "\n"
                    + "objectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n");
            String output = run(confFile, "softhsm2-util", "--init-token", "--free",
                    "--label", "vault-test-" + UUID.randomUUID().toString().substring(0, 8),
                    "--pin", USER_PIN, "--so-pin", "vault-so-pin");
            Matcher slot = SLOT.matcher(output);
            if (!slot.find()) {
                throw new IllegalStateException("softhsm2-util did not report the new token's slot: " + output);
            }
            return new SoftHsmToken(Long.parseLong(slot.group(1)), tokens);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the SoftHSM2 token", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the SoftHSM2 token", e);
        }
    }

    private static String run(Path confFile, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SOFTHSM2_CONF", confFile.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command[0], command[1]) + " failed: " + output);
        }
        return output;
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // best effort: it is a temporary directory
        }
    }
}
