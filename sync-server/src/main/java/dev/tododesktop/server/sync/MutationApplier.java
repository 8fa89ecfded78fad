package dev.tododesktop.server.sync;

import dev.tododesktop.contract.FieldError;
import dev.tododesktop.contract.Problem;
import dev.tododesktop.contract.sync.Mutation;
import dev.tododesktop.contract.sync.MutationResult;
import dev.tododesktop.contract.sync.MutationStatus;
import dev.tododesktop.contract.tasks.FieldUpdate;
import dev.tododesktop.contract.tasks.TaskUpdate;
import dev.tododesktop.contract.tasks.TaskValidator;
import dev.tododesktop.server.http.ApiException;
import dev.tododesktop.server.tasks.StoredTask;
import dev.tododesktop.server.tasks.TaskRepository;
import dev.tododesktop.server.tasks.TaskService;
import dev.tododesktop.server.tasks.TextRules;
import dev.tododesktop.server.tasks.UserTransaction;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Applies one sync mutation inside the user's push transaction and says what happened. Never
 * throws for anything a client can send: a bad mutation becomes an {@code invalid} result and
 * the push goes on.
 */
public final class MutationApplier {

    private final TaskRepository repository;
    private final AppliedMutations applied;

    public MutationApplier(TaskRepository repository, AppliedMutations applied) {
        this.repository = repository;
        this.applied = applied;
    }

    /**
     * Applies a push's mutations in order, with one read of the tasks and ids they name.
     * {@code session} is the pushing device's session (null when not known): its writes are
     * recorded under it, and a field it wrote itself is its own, never a conflict.
     */
    public List<MutationResult> applyAll(UserTransaction tx, List<Mutation> mutations, UUID session) {
        var batch = PushBatch.load(tx, repository, applied, mutations, session);
        var results = new ArrayList<MutationResult>(mutations.size());
        for (var m : mutations) {
            results.add(apply(tx, m, batch));
        }
        batch.flush();
        applied.recordAll(tx.handle(), tx.userId(), batch.newAnswers(), tx.now());
        return results;
    }

    private MutationResult apply(UserTransaction tx, Mutation m, PushBatch batch) {
        if (m.mutationId() == null || m.type() == null || m.taskId() == null) {
            var errors = new ArrayList<FieldError>();
            if (m.mutationId() == null) errors.add(new FieldError("mutation_id", "A mutation needs a mutation_id."));
            if (m.type() == null) errors.add(new FieldError("type", "A mutation needs a type."));
            if (m.taskId() == null) errors.add(new FieldError("task_id", "A mutation needs a task_id."));
            return MutationResult.invalid(m.mutationId(), ApiException.validation(errors).problem());
        }
        var earlier = batch.earlierAnswer(m.mutationId());
        if (earlier.isPresent()) {
            // An answer, once given, is the answer: the same outcome again, with the task as it is now.
            var task = batch.task(earlier.get().taskId()).map(StoredTask::toChange).orElse(null);
            return earlier.get().replay(m.mutationId(), task);
        }
        var result = switch (m.type()) {
            case CREATE -> create(tx, m, batch);
            case UPDATE -> update(tx, m, batch);
            case SET_COMPLETED -> setCompleted(tx, m, batch);
            case DELETE -> delete(tx, m, batch);
        };
        batch.answered(m.mutationId(), m.taskId(), result);
        return result;
    }

    private MutationResult create(UserTransaction tx, Mutation m, PushBatch batch) {
        var errors = TextRules.merge(TaskValidator.validateForCreate(m.fields()), TextRules.check(m.fields()));
        if (!errors.isEmpty()) {
            return invalid(m, ApiException.validation(errors));
        }
        var fields = TaskService.normalize(m.fields());
        var existing = batch.task(m.taskId());
        if (existing.isPresent()) {
            var current = existing.get();
            if (current.deleted()) {
                return MutationResult.conflict(m.mutationId(), current.toChange(), List.copyOf(fields.presentFields()));
            }
            var differing = current.differingFields(fields);
            return differing.isEmpty()
                    ? MutationResult.applied(m.mutationId(), current.toChange())
                    : MutationResult.conflict(m.mutationId(), current.toChange(), List.copyOf(differing));
        }
        var task = StoredTask.created(m.taskId(), tx.userId(), fields, tx.now(), tx.nextSeq(), batch.writer());
        if (!batch.insert(task)) {
            return invalid(m, ApiException.conflict("task-id-taken", "This task id is not available; choose another one."));
        }
        return MutationResult.applied(m.mutationId(), task.toChange());
    }

    /**
     * The field-level merge (docs/sync.md, "The merge rule"). A field whose stamp is at most
     * {@code base_version} was not changed since the client's copy, and a field whose current
     * value the pushing session wrote itself is its own earlier edit: either way the client's
     * value applies. A field another writer changed since the base keeps the server's value and
     * is reported, unless both sides already agree.
     */
    private MutationResult update(UserTransaction tx, Mutation m, PushBatch batch) {
        var found = batch.task(m.taskId());
        if (found.isEmpty()) {
            return invalid(m, ApiException.notFound());
        }
        var current = found.get();
        if (current.deleted()) {
            return MutationResult.conflict(m.mutationId(), current.toChange(), List.copyOf(m.fields().presentFields()));
        }
        if (m.baseVersion() == null) {
            return invalid(m, ApiException.validation("base_version", "An update needs the base_version it was made on."));
        }
        var errors = TextRules.merge(TaskValidator.validate(m.fields()), TextRules.check(m.fields()));
        if (!errors.isEmpty()) {
            return invalid(m, ApiException.validation(errors));
        }
        long base = m.baseVersion();
        if (base < 0 || base > current.version()) {
            return invalid(m, ApiException.validation("base_version",
                    "base_version " + base + " is not a version this task has had."));
        }
        var fields = TaskService.normalize(m.fields());
        var differing = current.differingFields(fields);
        var toApply = new LinkedHashSet<String>();
        var conflicts = new ArrayList<String>();
        for (String field : differing) {
            if (current.stamps().of(field) <= base || batch.ownValue(current, field) || batch.wroteEarlier(m.taskId(), field)) {
                toApply.add(field);
            } else {
                conflicts.add(field);
            }
        }
        var after = current.applying(fields, toApply, tx.now(), tx::nextSeq, batch.writer());
        if (after != current) {
            batch.changed(current, after, toApply);
        }
        return conflicts.isEmpty()
                ? MutationResult.applied(m.mutationId(), after.toChange())
                : MutationResult.conflict(m.mutationId(), after.toChange(), conflicts);
    }

    /** Sets the value whatever the base version: completing is not an edit two devices can disagree about. */
    private MutationResult setCompleted(UserTransaction tx, Mutation m, PushBatch batch) {
        if (!(m.fields().completed() instanceof FieldUpdate.SetTo<Boolean>)) {
            return invalid(m, ApiException.validation(TaskUpdate.COMPLETED, "set_completed needs fields.completed: true or false."));
        }
        var found = batch.task(m.taskId());
        if (found.isEmpty()) {
            return invalid(m, ApiException.notFound());
        }
        var current = found.get();
        if (current.deleted()) {
            return MutationResult.conflict(m.mutationId(), current.toChange(), List.of(TaskUpdate.COMPLETED));
        }
        var update = new TaskUpdate(null, null, m.fields().completed(), null, null, null);
        var after = current.applying(update, update.presentFields(), tx.now(), tx::nextSeq, batch.writer());
        if (after != current) {
            batch.changed(current, after, Set.of());
        }
        return MutationResult.applied(m.mutationId(), after.toChange());
    }

    /** Always applies: deleting what is already gone, or was never this user's, is a no-op. */
    private MutationResult delete(UserTransaction tx, Mutation m, PushBatch batch) {
        var found = batch.task(m.taskId()).filter(t -> !t.deleted());
        if (found.isEmpty()) {
            return MutationResult.applied(m.mutationId(), null);
        }
        var tombstone = found.get().tombstone(tx.now(), tx.nextSeq());
        batch.changed(found.get(), tombstone, Set.of());
        return MutationResult.applied(m.mutationId(), tombstone.toChange());
    }

    private static MutationResult invalid(Mutation m, ApiException problem) {
        Problem p = problem.problem();
        return MutationResult.invalid(m.mutationId(), p);
    }
}
