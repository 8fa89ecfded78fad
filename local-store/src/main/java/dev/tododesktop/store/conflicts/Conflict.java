package dev.tododesktop.store.conflicts;

import dev.tododesktop.store.tasks.TaskEdit;
import dev.tododesktop.store.tasks.TaskField;
import java.time.Instant;
import java.util.UUID;

/**
 * A field the server kept its own value for while this device had set another. Both sides
 * are one-field {@link TaskEdit}s, so the UI can render them and re-apply the chosen one.
 */
public record Conflict(
        long id,
        UUID taskId,
        TaskField field,
        TaskEdit localValue,
        TaskEdit serverValue,
        Instant detectedAt) {
}
