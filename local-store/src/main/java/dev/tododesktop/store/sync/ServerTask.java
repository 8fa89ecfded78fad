package dev.tododesktop.store.sync;

import dev.tododesktop.store.tasks.Task;
import java.util.UUID;

/** A task as the server reported it: alive (with its version) or a tombstone. */
public sealed interface ServerTask {
    UUID id();

    long version();

    record Live(Task task) implements ServerTask {
        public Live {
            if (task.serverVersion().isEmpty()) {
                throw new IllegalArgumentException("a server task needs a version: " + task.id());
            }
        }

        @Override
        public UUID id() {
            return task.id();
        }

        @Override
        public long version() {
            return task.serverVersion().getAsLong();
        }
    }

    record Tombstone(UUID id, long version) implements ServerTask {
    }
}
