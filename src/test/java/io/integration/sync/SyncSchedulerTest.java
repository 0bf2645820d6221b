package io.integration.sync;

import static io.integration.sync.SyncFixtures.count;
import static io.integration.sync.SyncFixtures.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/** Scheduled syncs from integration_configs: one job per fire time however many replicas tick, cursor and last sync kept. */
@QuarkusTest
class SyncSchedulerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    SyncScheduler scheduler;

    @Inject
    SyncQueue queue;

    private final UUID tenant = UUID.randomUUID();
    private final UUID venue = UUID.randomUUID();
    private final String provider = SyncFixtures.uniqueProvider();

    private void config(UUID venueId, String provider, boolean enabled, boolean syncEnabled, String schedule) throws Exception {
        SyncFixtures.execute("insert into integration_configs (tenant_id, venue_id, integration_type, enabled, sync_enabled,"
                + " sync_schedule) values ('" + tenant + "', '" + venueId + "', '" + provider + "', " + enabled + ", "
                + syncEnabled + ", " + (schedule == null ? "null" : "'" + schedule + "'") + ")");
    }

    @Test
    void twoReplicasTickingAtOnceEnqueueTheDueFireTimeOnce() throws Exception {
        config(venue, provider, true, true, "0 0 * * * ?");
        config(UUID.randomUUID(), provider, true, false, "0 0 * * * ?");
        config(UUID.randomUUID(), provider, false, true, "0 0 * * * ?");

        Uni.combine().all().unis(scheduler.enqueueDue(), scheduler.enqueueDue()).asTuple().await().atMost(WAIT);
        scheduler.enqueueDue().await().atMost(WAIT);

        String mine = "tenant_id = '" + tenant + "'";
        assertThat(count("select count(*) from sync_queue where " + mine)).isEqualTo(1);
        assertThat(string("select venue_id || ' ' || sync_type || ' ' || status || ' ' ||"
                + " (scheduled_for = date_trunc('hour', now())) from sync_queue where " + mine))
                .isEqualTo(venue + " INCREMENTAL PENDING true");

        // Run it; the same fire time is not enqueued again, and the config records the sync.
        List<ClaimedJob> claimed = queue.claim("w1", List.of(provider), 5, Duration.ofSeconds(30)).await().atMost(WAIT);
        assertThat(claimed).hasSize(1);
        assertThat(claimed.get(0).syncType()).isEqualTo(SyncType.INCREMENTAL);
        queue.complete(claimed.get(0).id(), "w1", SyncCounts.NONE, "c1").await().atMost(WAIT);
        scheduler.enqueueDue().await().atMost(WAIT);
        assertThat(count("select count(*) from sync_queue where " + mine)).isEqualTo(1);
        assertThat(string("select (last_sync_at is not null) from integration_configs where " + mine + " and venue_id = '"
                + venue + "'")).isEqualTo("t");
    }

    @Test
    void aNewFireTimeWaitsWhileTheLastScheduledJobIsStillPending() throws Exception {
        config(venue, provider, true, true, "* * * * * ?");
        scheduler.enqueueDue().await().atMost(WAIT);
        Thread.sleep(1100);
        scheduler.enqueueDue().await().atMost(WAIT);
        assertThat(count("select count(*) from sync_queue where tenant_id = '" + tenant + "'")).isEqualTo(1);

        // Once it ran, the next fire time is enqueued.
        ClaimedJob job = queue.claim("w1", List.of(provider), 1, Duration.ofSeconds(30)).await().atMost(WAIT).get(0);
        queue.complete(job.id(), "w1", SyncCounts.NONE, null).await().atMost(WAIT);
        Thread.sleep(1100);
        scheduler.enqueueDue().await().atMost(WAIT);
        assertThat(count("select count(*) from sync_queue where tenant_id = '" + tenant + "'")).isEqualTo(2);
    }

    @Test
    void theLatestFireTimeIsAtOrBeforeNow() {
        ZonedDateTime now = ZonedDateTime.of(2026, 11, 23, 10, 7, 30, 500_000_000, ZoneOffset.UTC);
        assertThat(SyncScheduler.latestFireTime("0 */15 * * * ?", now))
                .contains(ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, ZoneOffset.UTC));
        assertThat(SyncScheduler.latestFireTime("30 7 10 * * ?", now))
                .contains(ZonedDateTime.of(2026, 11, 23, 10, 7, 30, 0, ZoneOffset.UTC));
        assertThat(SyncScheduler.latestFireTime("not a cron", now)).isEmpty();
    }
}
