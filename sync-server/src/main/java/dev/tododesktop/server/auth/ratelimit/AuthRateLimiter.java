package dev.tododesktop.server.auth.ratelimit;

import dev.tododesktop.server.config.RateLimitSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;

/**
 * docs/api.md's auth rate limits, with their state in the database so that every instance sharing
 * it enforces the same limits.
 *
 * <ul>
 *   <li>Per account (keyed by the normalised email, whether or not it has an account): after
 *   {@code threshold} consecutive failures every attempt waits {@code initialLockout}, doubling
 *   with each further failure up to {@code maxLockout}, the right password included. A success,
 *   or {@code failureMemory} without a failure, resets the count. Attempts refused with 429 do
 *   not count, so the wait cannot be stretched by hammering.</li>
 *   <li>Per client address: at most {@code addressMaxFailures} failed logins in
 *   {@code addressWindow} (a sliding window over recorded failures).</li>
 *   <li>Registration: at most {@code registrationMaxAttempts} attempts per address per
 *   {@code registrationWindow}, successful or not.</li>
 * </ul>
 * Each limit is keyed by one account or one address, so one never blocks another.
 */
public final class AuthRateLimiter {

    private static final String LOGIN_FAILURE = "login_failure";
    private static final String REGISTRATION = "registration";
    private static final long PURGE_EVERY_MILLIS = Duration.ofMinutes(5).toMillis();

    private final Jdbi jdbi;
    private final Clock clock;
    private final RateLimitSettings limits;
    private final AtomicLong lastPurge = new AtomicLong();

    public AuthRateLimiter(Jdbi jdbi, Clock clock, RateLimitSettings limits) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.limits = limits;
    }

    /** Before checking a password for this account (login, password change, account deletion). */
    public RateLimitDecision checkAccount(String emailKey) {
        long now = clock.millis();
        return jdbi.withHandle(h -> h.createQuery("SELECT failures, last_failure_at FROM login_failures WHERE email_key = :key")
                .bind("key", emailKey)
                .map((rs, ctx) -> lockedFor(rs.getInt("failures"), rs.getLong("last_failure_at"), now))
                .findOne()
                .orElse(RateLimitDecision.ALLOWED));
    }

    private RateLimitDecision lockedFor(int failures, long lastFailureAt, long now) {
        if (now - lastFailureAt >= limits.accountFailureMemory().toMillis() || failures < limits.accountFailureThreshold()) {
            return RateLimitDecision.ALLOWED;
        }
        long until = lastFailureAt + lockout(failures).toMillis();
        return now < until
                ? new RateLimitDecision.Blocked("account", Duration.ofMillis(until - now))
                : RateLimitDecision.ALLOWED;
    }

    /** The wait after {@code failures} consecutive failures (at least the threshold). */
    Duration lockout(int failures) {
        int doublings = Math.min(failures - limits.accountFailureThreshold(), 30);
        Duration wait = limits.accountInitialLockout().multipliedBy(1L << doublings);
        return wait.compareTo(limits.accountMaxLockout()) > 0 ? limits.accountMaxLockout() : wait;
    }

    public void recordAccountFailure(String emailKey) {
        long now = clock.millis();
        long forgetBefore = now - limits.accountFailureMemory().toMillis();
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO login_failures (email_key, failures, last_failure_at) VALUES (:key, 1, :now)
                        ON CONFLICT (email_key) DO UPDATE SET
                            failures = CASE WHEN login_failures.last_failure_at <= :forget THEN 1
                                            ELSE login_failures.failures + 1 END,
                            last_failure_at = :now""")
                .bind("key", emailKey)
                .bind("now", now)
                .bind("forget", forgetBefore)
                .execute());
    }

    public void recordAccountSuccess(String emailKey) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM login_failures WHERE email_key = :key")
                .bind("key", emailKey)
                .execute());
    }

    public RateLimitDecision checkAddressLogins(String address) {
        return checkWindow(column(address), LOGIN_FAILURE, limits.addressMaxFailures(), limits.addressWindow(), "address");
    }

    public void recordAddressLoginFailure(String address) {
        record(column(address), LOGIN_FAILURE);
    }

    /** Checks and, when allowed, counts one registration attempt from this address. */
    public RateLimitDecision admitRegistration(String address) {
        var decision = checkWindow(column(address), REGISTRATION, limits.registrationMaxAttempts(), limits.registrationWindow(),
                "registration");
        if (decision instanceof RateLimitDecision.Allowed) {
            record(column(address), REGISTRATION);
        }
        return decision;
    }

    /**
     * Fits the 45-character column (the longest IPv6 text form); a peer address with a long scope
     * id is cut, which only merges it with addresses that share those 45 characters.
     */
    private static String column(String address) {
        return address.length() <= 45 ? address : address.substring(0, 45);
    }

    private RateLimitDecision checkWindow(String address, String kind, int max, Duration window, String limit) {
        long now = clock.millis();
        long since = now - window.toMillis();
        // The oldest event that keeps the count at the limit: the wait ends when it leaves the window.
        var times = jdbi.withHandle(h -> h.createQuery("""
                        SELECT occurred_at FROM address_events WHERE address = :address AND kind = :kind AND occurred_at > :since
                        ORDER BY occurred_at DESC LIMIT :max""")
                .bind("address", address)
                .bind("kind", kind)
                .bind("since", since)
                .bind("max", max)
                .mapTo(Long.class)
                .list());
        if (times.size() < max) {
            return RateLimitDecision.ALLOWED;
        }
        long oldestCounted = times.getLast();
        return new RateLimitDecision.Blocked(limit, Duration.ofMillis(Math.max(1, oldestCounted + window.toMillis() - now)));
    }

    private void record(String address, String kind) {
        long now = clock.millis();
        jdbi.useHandle(h -> h.createUpdate(
                        "INSERT INTO address_events (id, address, kind, occurred_at) VALUES (:id, :address, :kind, :now)")
                .bind("id", UUID.randomUUID().toString())
                .bind("address", address)
                .bind("kind", kind)
                .bind("now", now)
                .execute());
        purgeOccasionally(now);
    }

    /** Old events no longer count for any window; drop them every few minutes. */
    private void purgeOccasionally(long now) {
        long last = lastPurge.get();
        if (now - last < PURGE_EVERY_MILLIS || !lastPurge.compareAndSet(last, now)) {
            return;
        }
        long longest = Math.max(limits.addressWindow().toMillis(), limits.registrationWindow().toMillis());
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM address_events WHERE occurred_at < :before")
                .bind("before", now - longest)
                .execute());
    }
}
