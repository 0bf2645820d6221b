package io.integration;

import io.integration.local.LocalRuntime;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/** Entry point: prepares the embedded database and local issuer when nothing is configured, then starts Quarkus. */
@QuarkusMain
public class IntegrationServiceMain {

    public static void main(String... args) throws Exception {
        LocalRuntime.prepareIfUnconfigured();
        Quarkus.run(args);
    }
}
