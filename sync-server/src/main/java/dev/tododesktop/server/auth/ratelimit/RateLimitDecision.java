package dev.tododesktop.server.auth.ratelimit;

import java.time.Duration;

/** Whether an attempt may go ahead, and if not, which limit stopped it and for how long. */
public sealed interface RateLimitDecision {

    record Allowed() implements RateLimitDecision {}

    /** @param limit the metric tag: {@code account}, {@code address} or {@code registration} */
    record Blocked(String limit, Duration retryAfter) implements RateLimitDecision {
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    RateLimitDecision ALLOWED = new Allowed();
}
