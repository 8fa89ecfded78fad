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
     * Up to {@code max} pending mutations in the order they were made (see
     * {@link Outbox#nextBatch}). Nothing is marked: taking the same batch again after a lost
     * answer is safe because the server answers a resent mutation_id with its first answer.
     */
    public List<Mutation> nextBatch(int max) {
        if (max <= 0) {
            throw new IllegalArgumentException("max must be positive: " + max);
        }
        return db.read(c -> Outbox.nextBatch(c, max));
    }

    /**
     * Applies the server's answers in one transaction: each pending mutation answered leaves the
     * outbox and ends applied, as a conflict or as an error (never silently), and its id is kept
     * until {@link #answersDelivered} says the server was told that the answer arrived. Answers
     * for unknown mutation ids change nothing else.
     */
    public void acknowledge(List<? extends MutationResult> results) {
        db.write(c -> {
            for (MutationResult result : results) {
                Optional<Mutation> pending = Outbox.find(c, result.mutationId());
                if (pending.isPresent()) {
                    acknowledge(c, pending.get(), result);
                }
                AnsweredMutations.add(c, result.mutationId());
            }
            return null;
        });
    }

    /**
     * Mutation ids whose answers are stored here but not yet acknowledged to the server, oldest
     * first: the next push carries them, so the server may forget those answers.
     */
    public List<UUID> answersToAcknowledge(int max) {
        return db.read(c -> AnsweredMutations.oldest(c, max));
    }

    /** The server accepted a push that acknowledged these answers. */
    public void answersDelivered(List<UUID> mutationIds) {
        db.write(c -> {
            AnsweredMutations.remove(c, mutationIds);
            return null;
        });
    }

    private void acknowledge(Connection c, Mutation m, MutationResult result) throws SQLException {
        Outbox.remove(c, m.mutationId());
        switch (result) {
            case MutationResult.Applied(var _, var task, var version, var _) -> adoptAnswer(c, m, task, version);
            case MutationResult.Duplicate(var _, var task) -> {
                adoptAnswer(c, m, task, OptionalLong.empty());
                if (task.isPresent()) {
                    reportUnknownOutcome(c, m, task.get());
                }
            }
            case MutationResult.Conflict(var _, var task, var fields, var version, var _) -> {
                adoptAnswer(c, m, Optional.of(task), version);
                recordConflict(c, m, task, fields);
            }
            case MutationResult.Invalid(var _, var message, var _) ->
                    ConflictTables.putError(c, m, message, clock.instant());
        }
        Materializer.refresh(c, m.taskId());
    }

    /**
     * The answer's task becomes the base (unless the base is newer). Pending edits are never
     * re-based: each keeps the version its user saw, and the server, which knows who wrote
     * each field, applies what this device wrote on top of its own earlier edits and reports
     * what another device changed since (docs/sync.md, "The merge rule"). The one exception is
     * an edit stored without a version by an older version of this app, made on top of a create
     * not yet acknowledged: it was made on the version that create produced.
     */
    private static void adoptAnswer(Connection c, Mutation m, Optional<ServerTask> answer, OptionalLong version)
            throws SQLException {
        if (answer.isEmpty()) {
            if (m.type() == MutationType.DELETE) {
                TaskTables.deleteBase(c, m.taskId());
            }
            return;
        }
        ServerTask task = answer.get();
        adoptBase(c, task);
        if (m.type() == MutationType.CREATE) {
            Outbox.rebaseUnversioned(c, m.taskId(), version.orElse(Outbox.CREATED_VERSION));
        }
    }

    /**
     * A field the server kept its own value for becomes an open conflict, unless the server's
     * value (as it is now: a replayed answer carries the current task) already equals ours.
     */
    private void recordConflict(Connection c, Mutation m, ServerTask server, Set<TaskField> fields)
            throws SQLException {
        switch (server) {
            case ServerTask.Live(Task task) -> {
                // A field this mutation did not set cannot have a local side; nothing to ask about.
                for (TaskField field : fields) {
                    if (m.fields().fields().contains(field)) {
                        putConflictIfDifferent(c, m, task, field);
                    }
                }
            }
            case ServerTask.Tombstone t ->
                    ConflictTables.putError(c, m, "the task was deleted on another device", clock.instant());
        }
    }

    /**
     * A mutation applied before the server kept answers: whether a field was kept back is not
     * known, so every field of an update that now differs from the server's value is shown as a
     * conflict. It may be one another device made later, but nothing is lost without a trace.
     */
    private void reportUnknownOutcome(Connection c, Mutation m, ServerTask now) throws SQLException {
        if (m.type() == MutationType.UPDATE && now instanceof ServerTask.Live(Task task)) {
            for (TaskField field : m.fields().fields()) {
                putConflictIfDifferent(c, m, task, field);
            }
        }
    }

    private void putConflictIfDifferent(Connection c, Mutation m, Task server, TaskField field) throws SQLException {
        TaskEdit local = m.fields().only(Set.of(field));
        TaskEdit theirs = TaskEdit.fieldOf(server, field);
        if (!local.equals(theirs)) {
            ConflictTables.putConflict(c, m.taskId(), field, local, theirs, clock.instant());
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
