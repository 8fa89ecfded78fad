package dev.tododesktop.server.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests Jetty refuses before any route runs (a malformed Host, an unreadable URI, headers or
 * a URI too long). Anyone can send them without signing in, so each one is only counted
 * ({@code http_server_refused_total{status}}); the log gets at most one line a minute saying
 * how many there were, never one per request.
 */
public final class RefusedRequests {

    private static final Logger log = LoggerFactory.getLogger(RefusedRequests.class);
    static final Duration SUMMARY_INTERVAL = Duration.ofMinutes(1);

    private final MeterRegistry metrics;
    private final Clock clock;
    private final Map<Integer, Counter> counters = new ConcurrentHashMap<>();
    private final AtomicLong sinceSummary = new AtomicLong();
    private final AtomicLong lastSummaryAt;

    public RefusedRequests(MeterRegistry metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
        this.lastSummaryAt = new AtomicLong(clock.millis() - SUMMARY_INTERVAL.toMillis());
    }

    /** One request refused with {@code status} before routing. */
    public void record(int status) {
        counters.computeIfAbsent(status, s -> Counter.builder("http.server.refused")
                .description("Requests refused before routing (malformed Host, URI or headers), by status")
                .tag("status", Integer.toString(s))
                .register(metrics)).increment();
        sinceSummary.incrementAndGet();
        long now = clock.millis();
        long last = lastSummaryAt.get();
        if (now - last >= SUMMARY_INTERVAL.toMillis() && lastSummaryAt.compareAndSet(last, now)) {
            log.info("Refused {} malformed request(s) before routing since the last such line (latest: status {}; "
                    + "all are counted in http_server_refused_total)", sinceSummary.getAndSet(0), status);
        }
    }
}
