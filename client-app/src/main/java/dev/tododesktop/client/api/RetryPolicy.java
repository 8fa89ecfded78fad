package dev.tododesktop.client.api;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How transient failures of idempotent requests are retried: exponential backoff with full
 * jitter (a random wait between zero and {@code min(maxDelay, baseDelay * 2^retry)}), so many
 * clients coming back after an outage do not arrive in step.
 *
 * @param maxAttempts  attempts in all, the first included (1 disables retries)
 * @param maxRetryAfter a 429 asking to wait longer than this is handed to the caller instead
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(8), Duration.ofSeconds(30));
    }

    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /** The wait before retry number {@code retry} (1 for the first retry). */
    public Duration backoff(int retry, RandomGenerator random) {
        long cap = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(retry - 1, 30));
        return Duration.ofMillis(cap <= 0 ? 0 : random.nextLong(cap + 1));
    }
}
