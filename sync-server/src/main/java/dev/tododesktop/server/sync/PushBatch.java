package dev.tododesktop.server.sync;

import dev.tododesktop.contract.sync.Mutation;
import dev.tododesktop.server.tasks.StoredTask;
import dev.tododesktop.server.tasks.TaskRepository;
import dev.tododesktop.server.tasks.UserTransaction;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The working set of one push, inside its transaction: the tasks its mutations name and the
 * answers its mutation ids already got, each read in one query up front instead of one per
 * mutation; new answers, written in one batch at the end; the pushing session (the writer its
 * writes are recorded under); and the fields each task had
 * written by earlier mutations of the same push (a client that edits a field twice offline
 * sends both edits on the same base; the second must not conflict with the first, and the
 * user's lock guarantees nobody else wrote in between).
 */
final class PushBatch {

    private final UserTransaction tx;
    private final TaskRepository repository;
    private final Map<UUID, StoredTask> tasks;
    private final Set<UUID> loaded;
    private final Map<UUID, AppliedMutations.Answer> answeredBefore;
    private final Map<UUID, AppliedMutations.Answer> answeredNow = new LinkedHashMap<>();
    /** The pushing session's id as stored in the *_by columns, or null when not known. */
    private final String writer;
    private final Map<UUID, Set<String>> written = new HashMap<>();
    /** Rows this push changed but has not written yet, with the row as it was read (insertion order). */
    private final Map<UUID, StoredTask> dirtyOriginals = new LinkedHashMap<>();
    /**
     * Ids another user holds or that were retired, among the ids this push creates; null when
     * nothing was preloaded (a single mutation), and then a create is inserted at once.
     */
    private final Set<UUID> takenElsewhere;
    /** New tasks not written yet, in their latest state (insertion order). */
    private final Map<UUID, StoredTask> pendingInserts = new LinkedHashMap<>();

    private PushBatch(UserTransaction tx, TaskRepository repository, Map<UUID, StoredTask> tasks, Set<UUID> loaded,
                      Map<UUID, AppliedMutations.Answer> answeredBefore, Set<UUID> takenElsewhere, UUID session) {
        this.tx = tx;
        this.repository = repository;
        this.tasks = tasks;
        this.loaded = loaded;
        this.answeredBefore = answeredBefore;
        this.takenElsewhere = takenElsewhere;
        this.writer = session == null ? null : session.toString();
    }

    /**
     * A task id another user took concurrently, between this push's check and its insert: the
     * push is rolled back and run again (it then sees the id as taken).
     */
    static final class IdTakenMeanwhile extends RuntimeException {
        private static final long serialVersionUID = 1L;

        IdTakenMeanwhile() {
            super("a created task id was taken concurrently", null, false, false);
        }
    }

    static PushBatch load(UserTransaction tx, TaskRepository repository, AppliedMutations applied, List<Mutation> mutations,
                          UUID session) {
        var taskIds = new HashSet<UUID>();
        var mutationIds = new HashSet<UUID>();
        for (var m : mutations) {
            if (m.taskId() != null) taskIds.add(m.taskId());
            if (m.mutationId() != null) mutationIds.add(m.mutationId());
        }
        var tasks = new HashMap<>(repository.findAll(tx.handle(), tx.userId(), taskIds));
        var answeredBefore = applied.findAll(tx.handle(), tx.userId(), mutationIds, repository.ids());
        // A resend may name a task outside this push's ids (its first sending named it).
        var extra = new HashSet<UUID>();
        answeredBefore.values().forEach(a -> extra.add(a.taskId()));
        extra.removeAll(taskIds);
        tasks.putAll(repository.findAll(tx.handle(), tx.userId(), extra));
        taskIds.addAll(extra);
        // Ids this push may create that are not the user's: one query says which are taken.
        var creates = new HashSet<UUID>();
        for (var m : mutations) {
            if (m.type() == dev.tododesktop.contract.sync.MutationType.CREATE && m.taskId() != null && !tasks.containsKey(m.taskId())) {
                creates.add(m.taskId());
            }
        }
        var taken = repository.takenIds(tx.handle(), creates);
        return new PushBatch(tx, repository, tasks, taskIds, answeredBefore, taken, session);
    }

    Optional<StoredTask> task(UUID id) {
        if (!loaded.contains(id)) {
            repository.find(tx.handle(), tx.userId(), id).ifPresent(t -> tasks.put(id, t));
            loaded.add(id);
        }
        return Optional.ofNullable(tasks.get(id));
    }

    /** The answer this mutation id got before (in an earlier push or earlier in this one). */
    Optional<AppliedMutations.Answer> earlierAnswer(UUID mutationId) {
        var now = answeredNow.get(mutationId);
        return Optional.ofNullable(now != null ? now : answeredBefore.get(mutationId));
    }

    void answered(UUID mutationId, UUID taskId, dev.tododesktop.contract.sync.MutationResult result) {
        answeredNow.put(mutationId, AppliedMutations.Answer.of(taskId, result));
    }

    Map<UUID, AppliedMutations.Answer> newAnswers() {
        return answeredNow;
    }

    /** The writer this push's changes are recorded under: the pushing session, or null. */
    String writer() {
        return writer;
    }

    /** Whether the pushing session itself wrote {@code task}'s current value of {@code field}. */
    boolean ownValue(StoredTask task, String field) {
        return writer != null && writer.equals(task.writers().of(field));
    }

    /**
     * Creates a new task unless its id is taken by anyone. In a preloaded push the row is written
     * by {@link #flush} with the push's other new rows; otherwise at once.
     */
    boolean insert(StoredTask task) {
        if (takenElsewhere == null) {
            if (!repository.insert(tx.handle(), task)) {
                return false;
            }
        } else {
            if (takenElsewhere.contains(task.id())) {
                return false;
            }
            pendingInserts.put(task.id(), task);
        }
        stored(task, Set.of());
        return true;
    }

    /**
     * A task this push changed; the row is written by {@link #flush}, once, in one batch with
     * the push's other changed rows. {@code before} is the task as this push last saw it.
     */
    void changed(StoredTask before, StoredTask after, Set<String> fields) {
        if (pendingInserts.containsKey(after.id())) {
            pendingInserts.put(after.id(), after);
        } else {
            dirtyOriginals.putIfAbsent(after.id(), before);
        }
        stored(after, fields);
    }

    /** Writes every new and changed row in its final state. */
    void flush() {
        if (!pendingInserts.isEmpty()) {
            java.util.Set<UUID> inserted;
            try {
                inserted = repository.insertAll(tx.handle(), List.copyOf(pendingInserts.values()));
            } catch (java.sql.SQLException e) {
                throw new org.jdbi.v3.core.ConnectionException(e);
            }
            if (inserted.size() != pendingInserts.size()) {
                throw new IdTakenMeanwhile();
            }
            pendingInserts.clear();
        }
        var changes = new java.util.ArrayList<Map.Entry<StoredTask, StoredTask>>();
        dirtyOriginals.forEach((id, before) -> changes.add(Map.entry(before, tasks.get(id))));
        repository.updateAll(tx.handle(), changes);
        dirtyOriginals.clear();
    }

    private void stored(StoredTask task, Set<String> fields) {
        tasks.put(task.id(), Objects.requireNonNull(task));
        loaded.add(task.id());
        written.computeIfAbsent(task.id(), t -> new HashSet<>()).addAll(fields);
    }

    boolean wroteEarlier(UUID task, String field) {
        return written.getOrDefault(task, Set.of()).contains(field);
    }
}
