package dev.tododesktop.server.auth.sessions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

    public LiveSessions(SessionStore store, Clock clock, Duration checkTtl) {
        this.store = store;
        this.clock = clock;
        this.checkTtlMillis = checkTtl.toMillis();
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

    /** This instance ended the session: refuse its tokens from now on. */
    public void revoked(UUID sessionId) {
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
