package dev.tododesktop.store.sync;

import dev.tododesktop.store.tasks.TaskField;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * The server's answer to one pushed mutation, as {@link SyncStore#acknowledge} takes it.
 * {@code replayed} is true when the server had answered this mutation before (that answer was
 * lost) and gives the same outcome again; the task it carries is then the task as it is now.
 * {@code version} is the version the mutation left the task at, when the server says so.
 */
public sealed interface MutationResult {
    UUID mutationId();

    boolean replayed();

    /** Applied in full; {@code task} is the server's task after it (empty for a delete). */
    record Applied(UUID mutationId, Optional<ServerTask> task, OptionalLong version, boolean replayed)
            implements MutationResult {
        public Applied(UUID mutationId, Optional<ServerTask> task) {
            this(mutationId, task, OptionalLong.empty(), false);
        }
    }

    /**
     * Applied before the server kept answers (an older server, or a mutation applied before it
     * was upgraded): whether any field was kept back is not known. {@code task} is the server's
     * current task, if it sent one.
     */
    record Duplicate(UUID mutationId, Optional<ServerTask> task) implements MutationResult {
        @Override
        public boolean replayed() {
            return true;
        }
    }

    /** Partly applied: the server kept its value for {@code fields}; {@code task} may be a tombstone. */
    record Conflict(UUID mutationId, ServerTask task, Set<TaskField> fields, OptionalLong version, boolean replayed)
            implements MutationResult {
        public Conflict {
            fields = Set.copyOf(fields);
        }

        public Conflict(UUID mutationId, ServerTask task, Set<TaskField> fields) {
            this(mutationId, task, fields, OptionalLong.empty(), false);
        }
    }

    /** Refused; {@code message} is the problem's detail, shown to the user. */
    record Invalid(UUID mutationId, String message, boolean replayed) implements MutationResult {
        public Invalid(UUID mutationId, String message) {
            this(mutationId, message, false);
        }
    }
}
