package dev.tododesktop.server.auth.sessions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * "Is this session still live?" for every authenticated request, answered from memory.
 *
 * <p>An answer read from the database is trusted for {@code checkTtl}. A revocation made through
 * this instance ({@link #revoked}) takes effect at once; one made by another instance sharing the
 * database is seen here within {@code checkTtl} (5 s by default). {@code last_used_at} is
 * written at most once a minute per session.
 */
public final class LiveSessions {

    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    private static final int MAX_ENTRIES = 100_000;

    private final SessionStore store;
    private final Clock clock;
    private final long checkTtlMillis;
    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();
    private final RevocationBroadcast broadcast;

    public LiveSessions(SessionStore store, Clock clock, Duration checkTtl, RevocationBroadcast broadcast) {
        this.store = store;
        this.clock = clock;
        this.checkTtlMillis = checkTtl.toMillis();
        this.broadcast = broadcast;
    }

    /** True when the session exists, belongs to this user, is not revoked and has not expired. */
    public boolean isLive(UUID sessionId, UUID userId) {
        long now = clock.millis();
        Entry entry = entries.get(sessionId);
        if (entry == null || (entry.live && now - entry.checkedAt >= checkTtlMillis)) {
            entry = load(sessionId, now);
        }
        if (!entry.live || !entry.userId.equals(userId) || now >= entry.expiresAt) {
            return false;
        }
        if (now - entry.touchedAt >= TOUCH_INTERVAL.toMillis()) {
            touch(sessionId, entry, now);
        }
        return true;
    }

    /** This instance ended the session (committed): refuse its tokens from now on, and tell the others. */
    public void revoked(UUID sessionId) {
        revoked(List.of(sessionId));
    }

    public void revoked(List<UUID> sessionIds) {
        sessionIds.forEach(this::markDead);
        broadcast.publish(sessionIds);
    }

    /** Another instance ended the session (announced through the {@link RevocationBroadcast}). */
    public void endedElsewhere(UUID sessionId) {
        markDead(sessionId);
    }

    private void markDead(UUID sessionId) {
        entries.put(sessionId, Entry.DEAD);
    }

    private Entry load(UUID sessionId, long now) {
        Entry entry = store.state(sessionId)
                .map(s -> new Entry(s.userId(), s.liveAt(Instant.ofEpochMilli(now)), s.expiresAt().toEpochMilli(), now,
                        s.lastUsedAt().toEpochMilli()))
                .orElse(Entry.DEAD);
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear(); // correctness does not depend on the cache; only speed does
        }
        // Never overwrite a revocation recorded meanwhile by this instance.
        return entries.compute(sessionId, (id, old) -> old == Entry.DEAD ? old : entry);
    }

    /**
     * Re-reads many sessions in one query per 500 (the open event streams' periodic re-check), so
     * that the {@link #isLive} calls that follow are answered from memory instead of one pooled
     * query per stream. A session with no row is dead; a revocation recorded meanwhile stays.
     */
    public void refresh(java.util.Collection<UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return;
        }
        long now = clock.millis();
        var states = store.states(sessionIds);
        for (UUID id : sessionIds) {
            var s = states.get(id);
            Entry fresh = s == null ? Entry.DEAD
                    : new Entry(s.userId(), s.liveAt(Instant.ofEpochMilli(now)), s.expiresAt().toEpochMilli(), now,
                            s.lastUsedAt().toEpochMilli());
            entries.compute(id, (k, old) -> {
                if (old == Entry.DEAD) {
                    return old;
                }
                // Keep the in-memory touch time: it may be newer than the row's (touch is best effort).
                return old != null && fresh.live ? new Entry(fresh.userId, true, fresh.expiresAt, now,
                        Math.max(old.touchedAt, fresh.touchedAt)) : fresh;
            });
        }
    }

    private void touch(UUID sessionId, Entry entry, long now) {
        var touched = new Entry(entry.userId, true, entry.expiresAt, entry.checkedAt, now);
        if (entries.replace(sessionId, entry, touched)) {
            store.touch(sessionId, Instant.ofEpochMilli(now));
        }
    }

    private record Entry(UUID userId, boolean live, long expiresAt, long checkedAt, long touchedAt) {
        static final Entry DEAD = new Entry(new UUID(0, 0), false, 0, Long.MAX_VALUE, 0);
    }
}
