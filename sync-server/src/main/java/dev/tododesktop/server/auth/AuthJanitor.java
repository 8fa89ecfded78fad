package dev.tododesktop.server.auth;

import dev.tododesktop.server.config.RateLimitSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what no check needs any more: sessions that ended more than a day ago (their refresh
 * tokens go with them), per-account failure counts older than the failure memory, and per-address
 * events older than the longest window. Runs every 15 minutes; several instances may run it at
 * once, since each statement is an idempotent DELETE.
 */
public final class AuthJanitor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AuthJanitor.class);
    /** Ended sessions stay a day, so a replayed refresh token of a just-ended session is still recognised. */
    static final Duration ENDED_SESSION_RETENTION = Duration.ofDays(1);
    private static final Duration PERIOD = Duration.ofMinutes(15);

    private final Jdbi jdbi;
    private final Clock clock;
    private final RateLimitSettings limits;
    private ScheduledExecutorService scheduler;

    public AuthJanitor(Jdbi jdbi, Clock clock, RateLimitSettings limits) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.limits = limits;
    }

    public AuthJanitor start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("auth-janitor").daemon(true).unstarted(r));
        scheduler.scheduleWithFixedDelay(this::runSafely, PERIOD.toMinutes(), PERIOD.toMinutes(), TimeUnit.MINUTES);
        return this;
    }

    /** One clean-up pass; returns the number of sessions deleted. */
    public int runOnce() {
        long now = clock.millis();
        long endedBefore = now - ENDED_SESSION_RETENTION.toMillis();
        long forgetBefore = now - limits.accountFailureMemory().toMillis();
        long eventsBefore = now - Math.max(limits.addressWindow().toMillis(), limits.registrationWindow().toMillis());
        return jdbi.inTransaction(h -> {
            // Child rows first: not every connection enforces ON DELETE CASCADE the same way.
            h.createUpdate("""
                            DELETE FROM refresh_tokens WHERE session_id IN (
                                SELECT id FROM sessions WHERE revoked_at < :before OR expires_at < :before)""")
                    .bind("before", endedBefore).execute();
            int sessions = h.createUpdate("DELETE FROM sessions WHERE revoked_at < :before OR expires_at < :before")
                    .bind("before", endedBefore).execute();
            h.createUpdate("DELETE FROM login_failures WHERE last_failure_at < :before").bind("before", forgetBefore).execute();
            h.createUpdate("DELETE FROM address_events WHERE occurred_at < :before").bind("before", eventsBefore).execute();
            return sessions;
        });
    }

    private void runSafely() {
        try {
            int deleted = runOnce();
            if (deleted > 0) {
                log.info("Deleted {} ended sessions", deleted);
            }
        } catch (RuntimeException e) {
            log.warn("Auth clean-up failed; will try again in {} minutes", PERIOD.toMinutes(), e);
        }
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
