package dev.tododesktop.store.conflicts;

import dev.tododesktop.store.db.Database;
import dev.tododesktop.store.edits.EditWriter;
import dev.tododesktop.store.outbox.MutationType;
import dev.tododesktop.store.tasks.Task;
import java.util.List;
import java.util.Optional;

/** What the user must look at: open field conflicts and refused edits. */
public final class Conflicts {
    private final Database db;
    private final EditWriter writer;

    public Conflicts(Database db, EditWriter writer) {
        this.db = db;
        this.writer = writer;
    }

    public List<Conflict> open() {
        return db.read(ConflictTables::conflicts);
    }

    /**
     * Closes a conflict. {@link Resolution#KEEP_LOCAL} queues an update with the local value
     * (in the same transaction) and returns the task as now visible; a conflict whose task no
     * longer exists is simply closed. Empty if no such conflict is open.
     */
    public Optional<Task> resolve(long conflictId, Resolution resolution) {
        return db.write(c -> {
            Optional<Conflict> conflict = ConflictTables.conflict(c, conflictId);
            if (conflict.isEmpty()) {
                return Optional.<Task>empty();
            }
            Conflict found = conflict.get();
            ConflictTables.deleteConflict(c, conflictId);
            Optional<Task> visible = writer.visible(c, found.taskId());
            if (resolution == Resolution.KEEP_LOCAL && visible.isPresent()) {
                writer.enqueue(c, MutationType.UPDATE, found.taskId(), found.localValue());
                return writer.visible(c, found.taskId());
            }
            return visible;
        });
    }

    public List<SyncError> errors() {
        return db.read(ConflictTables::errors);
    }

    public void dismissError(long errorId) {
        db.write(c -> {
            ConflictTables.deleteError(c, errorId);
            return null;
        });
    }
}
