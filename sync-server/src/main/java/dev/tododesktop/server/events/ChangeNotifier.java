package dev.tododesktop.server.events;

import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Tells live event streams that a user's tasks changed. Called by every write: once inside the
 * transaction (where PostgreSQL queues a NOTIFY that is delivered only if the transaction
 * commits, to every instance) and once after the commit (where a single process publishes
 * in-process).
 */
public interface ChangeNotifier {

    void beforeCommit(Handle handle, UUID userId, Cursor newest);

    void afterCommit(UUID userId, Cursor newest);

    ChangeNotifier NONE = new ChangeNotifier() {
        @Override
        public void beforeCommit(Handle handle, UUID userId, Cursor newest) {}

        @Override
        public void afterCommit(UUID userId, Cursor newest) {}
    };
}
