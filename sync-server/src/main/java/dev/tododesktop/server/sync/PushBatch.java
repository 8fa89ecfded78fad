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
 * mutation ids already applied, each read in one query up front instead of one per mutation;
 * newly applied mutation ids, written in one batch at the end; and the fields each task had
 * written by earlier mutations of the same push (a client that edits a field twice offline
 * sends both edits on the same base; the second must not conflict with the first, and the
 * user's lock guarantees nobody else wrote in between).
 */
final class PushBatch {

    private final UserTransaction tx;
    private final TaskRepository repository;
    private final Map<UUID, StoredTask> tasks;
    private final Set<UUID> loaded;
    private final Map<UUID, UUID> appliedBefore;
    private final Map<UUID, UUID> appliedNow = new LinkedHashMap<>();
    private final Map<UUID, Set<String>> written = new HashMap<>();
    /** Rows this push changed but has not written yet, with the row as it was read (insertion order). */
    private final Map<UUID, StoredTask> dirtyOriginals = new LinkedHashMap<>();

    private PushBatch(UserTransaction tx, TaskRepository repository, Map<UUID, StoredTask> tasks, Set<UUID> loaded,
                      Map<UUID, UUID> appliedBefore) {
        this.tx = tx;
        this.repository = repository;
        this.tasks = tasks;
        this.loaded = loaded;
        this.appliedBefore = appliedBefore;
    }

    static PushBatch load(UserTransaction tx, TaskRepository repository, AppliedMutations applied, List<Mutation> mutations) {
        var taskIds = new HashSet<UUID>();
        var mutationIds = new HashSet<UUID>();
        for (var m : mutations) {
            if (m.taskId() != null) taskIds.add(m.taskId());
            if (m.mutationId() != null) mutationIds.add(m.mutationId());
        }
        var tasks = new HashMap<>(repository.findAll(tx.handle(), tx.userId(), taskIds));
        var appliedBefore = applied.findAll(tx.handle(), tx.userId(), mutationIds);
        // A duplicate may name a task outside this push's ids (its first sending named it).
        var extra = new HashSet<>(appliedBefore.values());
        extra.removeAll(taskIds);
        tasks.putAll(repository.findAll(tx.handle(), tx.userId(), extra));
        taskIds.addAll(extra);
        return new PushBatch(tx, repository, tasks, taskIds, appliedBefore);
    }

    /** One mutation applied outside a batch: the same rules, nothing preloaded. */
    static PushBatch single(UserTransaction tx, TaskRepository repository) {
        return new PushBatch(tx, repository, new HashMap<>(), new HashSet<>(), new HashMap<>());
    }

    Optional<StoredTask> task(UUID id) {
        if (!loaded.contains(id)) {
            repository.find(tx.handle(), tx.userId(), id).ifPresent(t -> tasks.put(id, t));
            loaded.add(id);
        }
        return Optional.ofNullable(tasks.get(id));
    }

    /** The task a mutation id named when it was applied, if this user applied it before. */
    Optional<UUID> appliedTask(UUID mutationId) {
        return Optional.ofNullable(appliedNow.containsKey(mutationId) ? appliedNow.get(mutationId) : appliedBefore.get(mutationId));
    }

    boolean alreadyApplied(UUID mutationId) {
        return appliedNow.containsKey(mutationId) || appliedBefore.containsKey(mutationId);
    }

    void applied(UUID mutationId, UUID taskId) {
        appliedNow.put(mutationId, taskId);
    }

    Map<UUID, UUID> newlyApplied() {
        return appliedNow;
    }

    /** A new task this push inserted (written at once: the insert says whether the id was free). */
    void inserted(StoredTask task) {
        stored(task, Set.of());
    }

    /**
     * A task this push changed; the row is written by {@link #flush}, once, in one batch with
     * the push's other changed rows. {@code before} is the task as this push last saw it.
     */
    void changed(StoredTask before, StoredTask after, Set<String> fields) {
        dirtyOriginals.putIfAbsent(after.id(), before);
        stored(after, fields);
    }

    /** Writes every changed row in its final state. */
    void flush() {
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
