package dev.tododesktop.server.auth.sessions;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Tells the other instances sharing the database that sessions ended, so they stop accepting
 * their tokens before their cached answer expires. Best effort: a missed message only means the
 * {@code TODO_SESSION_CHECK_TTL} bound applies.
 */
public interface RevocationBroadcast extends AutoCloseable {

    void publish(List<UUID> sessionIds);

    /** Starts delivering other instances' revocations to {@code listener}. */
    void listen(Consumer<UUID> listener);

    @Override
    void close();

    /** SQLite: instances on one file are rare (tests, a desktop app); the TTL bound applies. */
    RevocationBroadcast NONE = new RevocationBroadcast() {
        @Override
        public void publish(List<UUID> sessionIds) {}

        @Override
        public void listen(Consumer<UUID> listener) {}

        @Override
        public void close() {}
    };
}
