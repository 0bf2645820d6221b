package io.integration.local;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.integration.catalog.DuplicateIntegrationException;
import io.integration.catalog.IntegrationCategory;
import io.integration.catalog.IntegrationRequest;
import io.integration.catalog.IntegrationService;
import io.integration.catalog.IntegrationStatus;
import io.integration.tenancy.TenantId;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Creates the demo tenant's catalog at the first embedded start (idempotent), so the README's curl shows data. */
@ApplicationScoped
public class DemoTenantSeeder {

    private static final Logger LOG = Logger.getLogger(DemoTenantSeeder.class);

    private static final List<IntegrationRequest> DEMO_CATALOG = List.of(
            new IntegrationRequest("Stripe payments", "stripe", IntegrationCategory.PAYMENT, IntegrationStatus.ACTIVE,
                    "Card payments and payouts"),
            new IntegrationRequest("Square POS", "square", IntegrationCategory.POS, IntegrationStatus.ACTIVE,
                    "Point of sale in the venues"),
            new IntegrationRequest("Slack alerts", "slack", IntegrationCategory.MESSAGING, IntegrationStatus.ACTIVE,
                    "Operational alerts to the venue channel"));

    private final LocalConfig config;
    private final IntegrationService integrations;

    public DemoTenantSeeder(LocalConfig config, IntegrationService integrations) {
        this.config = config;
        this.integrations = integrations;
    }

    void seed(@Observes StartupEvent event) throws Throwable {
        if (!config.demoTenant().enabled()) {
            return;
        }
        TenantId demo = new TenantId(config.demoTenant().id());
        VertxContextSupport.subscribeAndAwait(() -> Multi.createFrom().iterable(DEMO_CATALOG)
                .onItem().transformToUniAndConcatenate(request -> integrations.create(demo, request)
                        .replaceWithVoid()
                        .onFailure(DuplicateIntegrationException.class).recoverWithNull())
                .collect().last()
                .chain(ignored -> Uni.createFrom().voidItem()));
        LOG.infof("demo tenant %s is ready", demo);
    }
}
