package io.integration.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import io.integration.local.EmbeddedDatabase;

/**
 * The embedded PostgreSQL of the tests as a process of its own, for runs of the packaged service that cannot start
 * one themselves (the native executable, see ADR 0012): bench/native/run.sh starts it, points the JVM and the native
 * build at it, and stops it with SIGTERM.
 *
 * <p>Usage: {@code java -cp target/test-classes:target/classes:target/quarkus-app/lib/main/* \
 * io.integration.support.StandaloneDatabase <data-dir> <port> <config-file>}; writes the service's datasource
 * settings as {@code -Dkey=value} lines to the config file once PostgreSQL accepts connections.
 */
public final class StandaloneDatabase {

    private StandaloneDatabase() {
    }

    public static void main(String... args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: StandaloneDatabase <data-dir> <port> <config-file>");
            System.exit(2);
        }
        EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]), true, Integer.parseInt(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                database.close();
            } catch (Exception e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e);
            }
        }));
        // Local trust authentication: the passwords only have to be consistent between the service's settings.
        Map<String, String> config = database.serviceConfiguration("bench-api", "bench-worker", "bench-owner");
        Path file = Path.of(args[2]);
        Files.writeString(file.resolveSibling(file.getFileName() + ".tmp"), config.entrySet().stream()
                .map(entry -> "-D" + entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining("\n", "", "\n")));
        Files.move(file.resolveSibling(file.getFileName() + ".tmp"), file);
        System.out.println("PostgreSQL on 127.0.0.1:" + database.port());
        Thread.currentThread().join();
    }
}
