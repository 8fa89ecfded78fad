package dev.tododesktop.store.conflicts;

import dev.tododesktop.store.outbox.MutationType;
import dev.tododesktop.store.tasks.TaskEdit;
import java.time.Instant;
import java.util.UUID;

/**
 * A local edit the server refused ("invalid") or could not apply because the task was
 * deleted elsewhere. Kept, with the fields it tried to set, until the user dismisses it.
 */
public record SyncError(
        long id,
        UUID mutationId,
        MutationType type,
        UUID taskId,
        TaskEdit fields,
        String message,
        Instant detectedAt) {
}
