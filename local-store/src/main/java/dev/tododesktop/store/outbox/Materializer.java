package dev.tododesktop.store.outbox;

import dev.tododesktop.store.tasks.Task;
import dev.tododesktop.store.tasks.TaskTables;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps the invariant the UI relies on: visible task = server base + pending edits, in order.
 * Anything that changes a base or the outbox calls {@link #refresh} for the tasks it touched.
 */
public final class Materializer {
    private Materializer() {
    }

    /** Recomputes and stores the visible copy of one task. */
    public static void refresh(Connection c, UUID taskId) throws SQLException {
        Optional<Task> visible = replay(TaskTables.findBase(c, taskId), Outbox.forTask(c, taskId));
        if (visible.isPresent()) {
            TaskTables.putVisible(c, visible.get());
        } else {
            TaskTables.deleteVisible(c, taskId);
        }
    }

    /** Pure replay of pending edits on top of a base; empty means "not visible" (deleted or never created). */
    public static Optional<Task> replay(Optional<Task> base, List<Mutation> pending) {
        Optional<Task> current = base;
        for (Mutation m : pending) {
            current = switch (m.type()) {
                case CREATE -> Optional.of(current
                        .map(t -> t.apply(m.fields(), m.madeAt()))
                        .orElseGet(() -> Task.created(m.taskId(), m.fields(), m.madeAt())));
                case UPDATE, SET_COMPLETED -> current.map(t -> t.apply(m.fields(), m.madeAt()));
                case DELETE -> Optional.empty();
            };
        }
        return current;
    }
}
