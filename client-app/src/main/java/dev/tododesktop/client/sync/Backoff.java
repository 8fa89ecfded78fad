package dev.tododesktop.client.sync;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter": the n-th consecutive failure waits between half and
 * all of {@code min(max, initial * 2^(n-1))}, so devices coming back after an outage spread out
 * but never hammer the server faster than half the nominal delay. Not thread-safe.
 */
final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final RandomGenerator random;
    private int failures;

    Backoff(Duration initial, Duration max, RandomGenerator random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max: " + initial + ", " + max);
        }
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** Counts a failure and answers how long to wait before the next attempt. */
    Duration nextDelay() {
        failures++;
        long cap = initial.toMillis() << Math.min(failures - 1, 20);
        cap = Math.min(cap, max.toMillis());
        long half = cap / 2;
        return Duration.ofMillis(half + random.nextLong(cap - half + 1));
    }

    void reset() {
        failures = 0;
    }

    int failures() {
        return failures;
    }
}
