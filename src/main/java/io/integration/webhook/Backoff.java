package io.integration.webhook;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter: base × 2^(attempt-1), capped, then a random 50–100 % of it (spreads retries). */
public final class Backoff {

    private Backoff() {
    }

    public static Duration delay(int attempt, Duration base, Duration max) {
        long capped = max.toMillis();
        long exponential = base.toMillis() << Math.min(Math.max(attempt - 1, 0), 30);
        long ceiling = exponential <= 0 ? capped : Math.min(exponential, capped);
        long jittered = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        return Duration.ofMillis(jittered);
    }
}
