package dev.tododesktop.server.events;

import dev.tododesktop.server.auth.Principal;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Consumer;
import java.util.Collection;
import java.util.HashSet;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open event streams: subscribes each to its user's changes, sends heartbeats, ends the
 * streams whose credentials stopped being valid (revoked session, deleted user, expired token),
 * and caps streams per user by closing the oldest (a device that reconnects after losing its
 * network leaves a dead stream behind until the next heartbeat finds it).
 */
public final class EventStreams implements AutoCloseable {

    public record Settings(Duration heartbeat, Duration credentialCheck, int maxStreamsPerUser) {
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(15), Duration.ofSeconds(5), 10);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(EventStreams.class);

    private final ChangeHub hub;
    private final Function<UUID, Cursor> newest;
    private final Predicate<String> stillAuthorised;
    private final Consumer<Collection<UUID>> refreshSessions;
    private final Settings settings;
    private final Map<UUID, Set<EventStream>> byUser = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

    /**
     * @param stillAuthorised whether a stream's Authorization header is still good; called for every
     *                        open stream each {@code credentialCheck}, right after
     * @param refreshSessions re-reads the liveness of the given sessions in bulk, so that
     *                        {@code stillAuthorised} answers from memory: one query per check
     *                        instead of one pooled query per stream
     */
    public EventStreams(ChangeHub hub, Function<UUID, Cursor> newest, Predicate<String> stillAuthorised,
                        Consumer<Collection<UUID>> refreshSessions, Settings settings) {
        this.hub = hub;
        this.newest = newest;
        this.stillAuthorised = stillAuthorised;
        this.refreshSessions = refreshSessions;
        this.settings = settings;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("event-streams").factory());
        long hb = settings.heartbeat().toMillis();
        long cc = settings.credentialCheck().toMillis();
        timer.scheduleWithFixedDelay(() -> forEach(EventStream::heartbeat), hb, hb, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::checkCredentials, cc, cc, TimeUnit.MILLISECONDS);
    }

    /** Registers an accepted stream and sends {@code ready}; the caller then keeps the request open. */
    public void open(Principal principal, SseClient client, String authorization) {
        var stream = new EventStream(principal, client, authorization, System.nanoTime());
        UUID user = principal.userId();
        // Listen first, then read the newest cursor: a change committed in between is announced
        // after ready, never lost.
        Runnable unsubscribe = hub.subscribe(user, cursor -> senders.execute(() -> stream.changed(cursor)));
        var streams = byUser.computeIfAbsent(user, u -> ConcurrentHashMap.newKeySet());
        streams.add(stream);
        client.onClose(() -> {
            unsubscribe.run();
            byUser.computeIfPresent(user, (u, set) -> {
                set.remove(stream);
                return set.isEmpty() ? null : set;
            });
        });
        enforceLimit(streams);
        try {
            stream.ready(newest.apply(user));
        } catch (RuntimeException e) {
            // The 200 and headers are already sent and keepAlive() holds the request open: without
            // this the client would wait forever for a ready that never comes. Closing lets it retry.
            log.warn("Could not read the newest cursor for a new event stream; closing it: {}", e.toString());
            stream.close();
        }
    }

    public int openStreams() {
        return byUser.values().stream().mapToInt(Set::size).sum();
    }

    private void enforceLimit(Set<EventStream> streams) {
        if (streams.size() <= settings.maxStreamsPerUser()) {
            return;
        }
        var sorted = new ArrayList<>(streams);
        sorted.sort(Comparator.comparingLong(EventStream::openedAt));
        for (int i = 0; i < sorted.size() - settings.maxStreamsPerUser(); i++) {
            var oldest = sorted.get(i);
            senders.execute(oldest::close);
        }
    }

    private void checkCredentials() {
        var sessions = new HashSet<UUID>();
        for (var set : byUser.values()) {
            for (var stream : set) {
                sessions.add(stream.principal().sessionId());
            }
        }
        try {
            refreshSessions.accept(sessions);
        } catch (RuntimeException e) {
            // Each stream's own check below then reads its session itself (and closes on failure).
            log.warn("Could not re-read the sessions of {} event streams: {}", sessions.size(), e.toString());
        }
        forEach(stream -> {
            if (!stillAuthorised.test(stream.authorization())) {
                stream.close();
            }
        });
    }

    private void forEach(java.util.function.Consumer<EventStream> action) {
        for (var set : byUser.values()) {
            for (var stream : set) {
                senders.execute(() -> {
                    try {
                        action.accept(stream);
                    } catch (RuntimeException e) {
                        log.debug("Closing an event stream that failed: {}", e.toString());
                        stream.close();
                    }
                });
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        forEach(EventStream::close);
        senders.shutdown();
        try {
            senders.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
