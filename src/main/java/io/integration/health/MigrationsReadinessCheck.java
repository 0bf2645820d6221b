package io.integration.health;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;

/** Ready only once every migration shipped with this build is applied to the database. */
@Readiness
@ApplicationScoped
public class MigrationsReadinessCheck implements HealthCheck {

    private final Flyway flyway;
    // Once applied, migrations stay applied: later probes skip the JDBC round trip.
    private final AtomicBoolean upToDate = new AtomicBoolean();

    public MigrationsReadinessCheck(Flyway flyway) {
        this.flyway = flyway;
    }

    @Override
    public HealthCheckResponse call() {
        if (upToDate.get()) {
            return HealthCheckResponse.up("migrations");
        }
        try {
            int pending = flyway.info().pending().length;
            upToDate.set(pending == 0);
            return HealthCheckResponse.named("migrations").status(pending == 0).withData("pending", pending).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("migrations").down().withData("error", "database unreachable").build();
        }
    }
}
