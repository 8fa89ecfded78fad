package dev.tododesktop.store.sync;

import dev.tododesktop.store.tasks.TaskField;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The server's answer to one pushed mutation, as {@link SyncStore#acknowledge} takes it. */
public sealed interface MutationResult {
    UUID mutationId();

    /** Applied in full; {@code task} is the server's task after it (empty for a delete). */
    record Applied(UUID mutationId, Optional<ServerTask> task) implements MutationResult {
    }

    /** Seen before; {@code task} is the server's current task, if it sent one. */
    record Duplicate(UUID mutationId, Optional<ServerTask> task) implements MutationResult {
    }

    /** Partly applied: the server kept its value for {@code fields}; {@code task} may be a tombstone. */
    record Conflict(UUID mutationId, ServerTask task, Set<TaskField> fields) implements MutationResult {
        public Conflict {
            fields = Set.copyOf(fields);
        }
    }

    /** Refused; {@code message} is the problem's detail, shown to the user. */
    record Invalid(UUID mutationId, String message) implements MutationResult {
    }
}
