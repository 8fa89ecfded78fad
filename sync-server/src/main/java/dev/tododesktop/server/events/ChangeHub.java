package dev.tododesktop.server.events;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * In-process fan-out of "user U's tasks changed, newest sequence S" to whoever listens for U
 * (the open event streams). Listeners must not block: they are called on the thread that
 * published.
 */
public final class ChangeHub {

    private final Map<UUID, Set<Consumer<Cursor>>> listeners = new ConcurrentHashMap<>();

    /** Registers a listener; run the returned action to remove it. */
    public Runnable subscribe(UUID userId, Consumer<Cursor> listener) {
        listeners.computeIfAbsent(userId, u -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> listeners.computeIfPresent(userId, (u, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    public void publish(UUID userId, Cursor newest) {
        var set = listeners.get(userId);
        if (set != null) {
            set.forEach(l -> l.accept(newest));
        }
    }

    /** Users with at least one listener, e.g. to catch up after a lost notification connection. */
    public Set<UUID> users() {
        return Set.copyOf(listeners.keySet());
    }
}
