package dev.tododesktop.store.edits;

import dev.tododesktop.store.db.Database;
import dev.tododesktop.store.outbox.MutationType;
import dev.tododesktop.store.tasks.Task;
import dev.tododesktop.store.tasks.TaskEdit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The UI's write side. Each method commits the visible change and its outbox entry in one
 * durable transaction before returning. Edits are never coalesced: every call is one mutation.
 */
public final class LocalEdits {
    private final Database db;
    private final EditWriter writer;
    private final Supplier<UUID> taskIds;

    public LocalEdits(Database db, EditWriter writer, Supplier<UUID> taskIds) {
        this.db = db;
        this.writer = writer;
        this.taskIds = taskIds;
    }

    /** Creates a task with a fresh UUIDv7 id; unset fields take defaults (empty, NONE, not completed). */
    public Task create(TaskEdit fields) {
        return create(taskIds.get(), fields);
    }

    /** Creates a task with a caller-chosen id (must not be visible already). */
    public Task create(UUID id, TaskEdit fields) {
        return db.write(c -> {
            if (writer.visible(c, id).isPresent()) {
                throw new IllegalArgumentException("task already exists: " + id);
            }
            writer.enqueue(c, MutationType.CREATE, id, fields);
            return writer.visible(c, id).orElseThrow();
        });
    }

    /** Applies {@code edit}; empty if no such task is visible. An empty edit changes nothing and queues nothing. */
    public Optional<Task> update(UUID id, TaskEdit edit) {
        return db.write(c -> {
            Optional<Task> current = writer.visible(c, id);
            if (current.isEmpty() || edit.isEmpty()) {
                return current;
            }
            writer.enqueue(c, MutationType.UPDATE, id, edit);
            return writer.visible(c, id);
        });
    }

    /** Sets (not toggles) completion, so a replay is harmless; empty if no such task is visible. */
    public Optional<Task> setCompleted(UUID id, boolean completed) {
        return db.write(c -> {
            if (writer.visible(c, id).isEmpty()) {
                return Optional.<Task>empty();
            }
            writer.enqueue(c, MutationType.SET_COMPLETED, id, TaskEdit.none().completed(completed));
            return writer.visible(c, id);
        });
    }

    /** Deletes a task and returns its last visible state (keep it to offer undo); empty if none. */
    public Optional<Task> delete(UUID id) {
        return db.write(c -> {
            Optional<Task> current = writer.visible(c, id);
            if (current.isPresent()) {
                writer.enqueue(c, MutationType.DELETE, id, TaskEdit.none());
            }
            return current;
        });
    }

    /**
     * Undo of a delete: re-creates the snapshot's fields as a new task with a fresh id. A new id
     * is used because the server refuses to re-create a deleted id, and the delete may already
     * have been sent.
     */
    public Task undoDelete(Task deletedSnapshot) {
        return create(TaskEdit.allFieldsOf(deletedSnapshot));
    }
}
