package dev.tododesktop.store.sync;

import dev.tododesktop.store.conflicts.ConflictTables;
import dev.tododesktop.store.db.Database;
import dev.tododesktop.store.outbox.Materializer;
import dev.tododesktop.store.outbox.Mutation;
import dev.tododesktop.store.outbox.MutationType;
import dev.tododesktop.store.outbox.Outbox;
import dev.tododesktop.store.tasks.Task;
import dev.tododesktop.store.tasks.TaskEdit;
import dev.tododesktop.store.tasks.TaskField;
import dev.tododesktop.store.tasks.TaskTables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * What the sync engine needs: pending mutations to push, a place to put the answers, pulled
 * changes and the cursor. Every method is one transaction.
 */
public final class SyncStore {
    private final Database db;
    private final Clock clock;

    public SyncStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Up to {@code max} pending mutations in the order they were made, at most one per task
     * (a task's next edit is handed out once the previous one is acknowledged, re-based on
     * the version the server returned). Nothing is marked: taking the same batch again after
     * a lost answer is safe because the server answers a resent mutation_id with "duplicate".
     */
    public List<Mutation> nextBatch(int max) {
        if (max <= 0) {
            throw new IllegalArgumentException("max must be positive: " + max);
        }
        return db.read(c -> Outbox.nextBatch(c, max));
    }

    /** Applies the server's answers in one transaction; answers for unknown mutation ids are ignored. */
    public void acknowledge(List<? extends MutationResult> results) {
        db.write(c -> {
            for (MutationResult result : results) {
                Optional<Mutation> pending = Outbox.find(c, result.mutationId());
                if (pending.isPresent()) {
                    acknowledge(c, pending.get(), result);
                }
            }
            return null;
        });
    }

    private void acknowledge(Connection c, Mutation m, MutationResult result) throws SQLException {
        Outbox.remove(c, m.mutationId());
        switch (result) {
            case MutationResult.Applied(var _, var task) -> adoptAnswer(c, m, task);
            case MutationResult.Duplicate(var _, var task) -> adoptAnswer(c, m, task);
            case MutationResult.Conflict(var _, var task, var fields) -> {
                adoptAnswer(c, m, Optional.of(task));
                recordConflict(c, m, task, fields);
            }
            case MutationResult.Invalid(var _, var message) ->
                    ConflictTables.putError(c, m, message, clock.instant());
        }
        Materializer.refresh(c, m.taskId());
    }

    /** The answer's task becomes the base, and the task's later edits are based on its version. */
    private static void adoptAnswer(Connection c, Mutation m, Optional<ServerTask> answer) throws SQLException {
        if (answer.isEmpty()) {
            if (m.type() == MutationType.DELETE) {
                TaskTables.deleteBase(c, m.taskId());
            }
            return;
        }
        ServerTask task = answer.get();
        adoptBase(c, task);
        Outbox.rebase(c, m.taskId(), task.version());
    }

    private void recordConflict(Connection c, Mutation m, ServerTask server, Set<TaskField> fields)
            throws SQLException {
        switch (server) {
            case ServerTask.Live(Task task) -> {
                // A field this mutation did not set cannot have a local side; nothing to ask about.
                for (TaskField field : fields) {
                    if (!m.fields().fields().contains(field)) {
                        continue;
                    }
                    ConflictTables.putConflict(c, m.taskId(), field, m.fields().only(Set.of(field)),
                            TaskEdit.fieldOf(task, field), clock.instant());
                }
            }
            case ServerTask.Tombstone t ->
                    ConflictTables.putError(c, m, "the task was deleted on another device", clock.instant());
        }
    }

    /**
     * Stores pulled changes and the new cursor in one transaction: each live task becomes the
     * base, each tombstone removes it, and pending local edits are replayed on top so the user
     * keeps seeing what they have not synced yet. A change older than the stored base is ignored.
     */
    public void applyPull(List<? extends ServerTask> changes, String newCursor) {
        Map<UUID, ServerTask> newest = new LinkedHashMap<>();
        for (ServerTask change : changes) {
            newest.merge(change.id(), change, (a, b) -> b.version() >= a.version() ? b : a);
        }
        db.write(c -> {
            Set<UUID> pendingTasks = Outbox.taskIds(c);
            Map<UUID, Long> stored = TaskTables.baseVersions(c, newest.keySet());
            List<Task> bases = new ArrayList<>();
            List<UUID> tombstoned = new ArrayList<>();
            List<Task> visible = new ArrayList<>();
            List<UUID> gone = new ArrayList<>();
            List<UUID> replay = new ArrayList<>();
            for (ServerTask change : newest.values()) {
                Long current = stored.get(change.id());
                if (current != null && current > change.version()) {
                    continue; // we already hold a newer state than this change
                }
                switch (change) {
                    case ServerTask.Live(Task task) -> bases.add(task);
                    case ServerTask.Tombstone t -> tombstoned.add(t.id());
                }
                if (pendingTasks.contains(change.id())) {
                    replay.add(change.id());
                } else if (change instanceof ServerTask.Live(Task task)) {
                    visible.add(task);
                } else {
                    gone.add(change.id());
                }
            }
            TaskTables.putBases(c, bases);
            TaskTables.deleteBases(c, tombstoned);
            for (UUID id : tombstoned) {
                ConflictTables.deleteConflictsOf(c, id);
            }
            TaskTables.putVisibles(c, visible);
            TaskTables.deleteVisibles(c, gone);
            for (UUID id : replay) {
                Materializer.refresh(c, id);
            }
            setCursor(c, Optional.ofNullable(newCursor));
            return null;
        });
    }

    /** Stores {@code task} as the base unless the base already holds a newer version. */
    private static void adoptBase(Connection c, ServerTask task) throws SQLException {
        OptionalLong current = TaskTables.findBase(c, task.id()).map(Task::serverVersion).orElse(OptionalLong.empty());
        if (current.isPresent() && current.getAsLong() > task.version()) {
            return;
        }
        switch (task) {
            case ServerTask.Live(Task live) -> TaskTables.putBase(c, live);
            case ServerTask.Tombstone t -> {
                TaskTables.deleteBase(c, t.id());
                ConflictTables.deleteConflictsOf(c, t.id());
            }
        }
    }

    /** The cursor to pull from; empty before the first pull or after {@link #resetForFullResync()}. */
    public Optional<String> cursor() {
        return db.read(c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT cursor FROM sync_state WHERE id = 1")) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }

    /** Every pending mutation, oldest first (for a "not yet synced" view; push with {@link #nextBatch}). */
    public List<Mutation> pending() {
        return db.read(Outbox::all);
    }

    public int pendingCount() {
        return db.read(Outbox::count);
    }

    /** Forgets the cursor so the next pull fetches everything; pending edits are kept. */
    public void resetForFullResync() {
        db.write(c -> {
            setCursor(c, Optional.empty());
            return null;
        });
    }

    private static void setCursor(Connection c, Optional<String> cursor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sync_state SET cursor = ? WHERE id = 1")) {
            ps.setString(1, cursor.orElse(null));
            ps.executeUpdate();
        }
    }
}
