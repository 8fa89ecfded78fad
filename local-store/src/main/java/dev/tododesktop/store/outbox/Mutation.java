package dev.tododesktop.store.outbox;

import dev.tododesktop.store.tasks.TaskEdit;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * One pending local edit, exactly as it should be sent: {@code fields} holds only the fields
 * it sets (empty for delete; only {@code completed} for set_completed). {@code baseVersion} is
 * empty when the task has no server version yet. {@code madeAt} is when the user made it.
 */
public record Mutation(
        UUID mutationId,
        MutationType type,
        UUID taskId,
        OptionalLong baseVersion,
        TaskEdit fields,
        Instant madeAt) {

    public Mutation {
        Objects.requireNonNull(mutationId, "mutationId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(baseVersion, "baseVersion");
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(madeAt, "madeAt");
    }
}
