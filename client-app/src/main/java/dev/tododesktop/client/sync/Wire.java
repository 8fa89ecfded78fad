package dev.tododesktop.client.sync;

import dev.tododesktop.contract.Problem;
import dev.tododesktop.contract.sync.MutationStatus;
import dev.tododesktop.contract.sync.SyncChange;
import dev.tododesktop.contract.sync.TaskChange;
import dev.tododesktop.contract.sync.TaskTombstone;
import dev.tododesktop.contract.tasks.FieldUpdate;
import dev.tododesktop.contract.tasks.TaskUpdate;
import dev.tododesktop.store.outbox.Mutation;
import dev.tododesktop.store.sync.MutationResult;
import dev.tododesktop.store.sync.ServerTask;
import dev.tododesktop.store.tasks.Change;
import dev.tododesktop.store.tasks.Priority;
import dev.tododesktop.store.tasks.Task;
import dev.tododesktop.store.tasks.TaskEdit;
import dev.tododesktop.store.tasks.TaskField;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** Converts between the local store's sync types and the API contract's records. */
final class Wire {
    private Wire() {
    }

    static dev.tododesktop.contract.sync.Mutation toContract(Mutation m) {
        OptionalLong base = m.baseVersion();
        return new dev.tododesktop.contract.sync.Mutation(
                m.mutationId(),
                dev.tododesktop.contract.sync.MutationType.valueOf(m.type().name()),
                m.taskId(),
                base.isPresent() ? base.getAsLong() : null,
                toUpdate(m.fields()));
    }

    static TaskUpdate toUpdate(TaskEdit edit) {
        return new TaskUpdate(
                field(edit.title()),
                field(edit.description()),
                field(edit.completed()),
                field(edit.priority().map(p -> dev.tododesktop.contract.tasks.Priority.valueOf(p.name()))),
                field(edit.tags()),
                switch (edit.dueAt()) {
                    case Change.Keep<Optional<Instant>> _ -> FieldUpdate.<Instant>keep();
                    case Change.Set<Optional<Instant>>(Optional<Instant> due) -> FieldUpdate.setOrClear(due.orElse(null));
                });
    }

    private static <T> FieldUpdate<T> field(Change<T> change) {
        return switch (change) {
            case Change.Keep<T> _ -> FieldUpdate.keep();
            case Change.Set<T>(T value) -> FieldUpdate.set(value);
        };
    }

    static ServerTask toServerTask(SyncChange change) {
        return switch (change) {
            case TaskChange t -> new ServerTask.Live(new Task(
                    t.id(),
                    Objects.requireNonNullElse(t.title(), ""),
                    Objects.requireNonNullElse(t.description(), ""),
                    t.completed(),
                    Optional.ofNullable(t.completedAt()),
                    t.priority() == null ? Priority.NONE : Priority.valueOf(t.priority().name()),
                    t.tags(),
                    Optional.ofNullable(t.dueAt()),
                    t.createdAt(),
                    t.updatedAt(),
                    OptionalLong.of(t.version())));
            case TaskTombstone t -> new ServerTask.Tombstone(t.id(), t.version());
        };
    }

    static List<ServerTask> toServerTasks(List<SyncChange> changes) {
        return changes.stream().map(Wire::toServerTask).toList();
    }

    static MutationResult toStore(dev.tododesktop.contract.sync.MutationResult r) {
        Optional<ServerTask> task = Optional.ofNullable(r.task()).map(Wire::toServerTask);
        MutationStatus status = r.status();
        OptionalLong version = r.version() == null ? OptionalLong.empty() : OptionalLong.of(r.version());
        boolean replayed = r.replayed();
        return switch (status) {
            case APPLIED -> new MutationResult.Applied(r.mutationId(), task, version, replayed);
            case DUPLICATE -> new MutationResult.Duplicate(r.mutationId(), task);
            case CONFLICT -> task.<MutationResult>map(t -> new MutationResult.Conflict(r.mutationId(), t, fields(r.conflicts()),
                            version, replayed))
                    .orElseGet(() -> new MutationResult.Invalid(r.mutationId(), "the server reported a conflict without the task",
                            replayed));
            case INVALID -> new MutationResult.Invalid(r.mutationId(), message(r.error()), replayed);
        };
    }

    private static Set<TaskField> fields(List<String> names) {
        Set<TaskField> out = EnumSet.noneOf(TaskField.class);
        if (names != null) {
            for (String name : names) {
                try {
                    out.add(TaskField.fromWireName(name));
                } catch (IllegalArgumentException unknown) {
                    // a field this client does not know cannot be shown; the rest still can
                }
            }
        }
        return out;
    }

    private static String message(Problem problem) {
        if (problem == null) {
            return "The server refused this change.";
        }
        if (problem.detail() != null && !problem.detail().isBlank()) {
            return problem.detail();
        }
        return problem.title() != null ? problem.title() : "The server refused this change.";
    }
}
