package dev.tododesktop.store.edits;

import dev.tododesktop.store.outbox.Materializer;
import dev.tododesktop.store.outbox.Mutation;
import dev.tododesktop.store.outbox.MutationType;
import dev.tododesktop.store.outbox.Outbox;
import dev.tododesktop.store.tasks.Task;
import dev.tododesktop.store.tasks.TaskEdit;
import dev.tododesktop.store.tasks.TaskTables;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Records one local edit inside the caller's transaction: appends its outbox entry and
 * refreshes the visible task, so the two can never disagree.
 */
public final class EditWriter {
    private final Clock clock;
    private final Supplier<UUID> mutationIds;

    public EditWriter(Clock clock, Supplier<UUID> mutationIds) {
        this.clock = clock;
        this.mutationIds = mutationIds;
    }

    /**
     * The entry's base is the server version this device holds; an edit of a task whose create
     * is not acknowledged yet was made on what that create produces, version 1.
     */
    public Mutation enqueue(Connection c, MutationType type, UUID taskId, TaskEdit fields) throws SQLException {
        OptionalLong baseVersion = TaskTables.findBase(c, taskId)
                .map(Task::serverVersion)
                .orElse(type == MutationType.CREATE ? OptionalLong.empty() : OptionalLong.of(Outbox.CREATED_VERSION));
        Mutation m = new Mutation(mutationIds.get(), type, taskId, baseVersion, fields, clock.instant());
        Outbox.append(c, m);
        Materializer.refresh(c, taskId);
        return m;
    }

    public Optional<Task> visible(Connection c, UUID taskId) throws SQLException {
        return TaskTables.findVisible(c, taskId);
    }
}
