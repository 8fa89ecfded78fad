package dev.tododesktop.server.config;

import java.time.Duration;

/**
 * The auth rate limits of docs/api.md. Per account: after {@code accountFailureThreshold}
 * consecutive failures, a wait of {@code accountInitialLockout} that doubles per further
 * failure up to {@code accountMaxLockout}; {@code accountFailureMemory} without a failure
 * forgets the count. Per client address: at most {@code addressMaxFailures} failed logins in
 * {@code addressWindow}. Registration: {@code registrationMaxAttempts} per address per
 * {@code registrationWindow}.
 */
public record RateLimitSettings(
        int accountFailureThreshold,
        Duration accountInitialLockout,
        Duration accountMaxLockout,
        Duration accountFailureMemory,
        int addressMaxFailures,
        Duration addressWindow,
        int registrationMaxAttempts,
        Duration registrationWindow) {

    public static RateLimitSettings defaults() {
        return new RateLimitSettings(
                10, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(24),
                30, Duration.ofMinutes(10),
                20, Duration.ofHours(1));
    }
}
