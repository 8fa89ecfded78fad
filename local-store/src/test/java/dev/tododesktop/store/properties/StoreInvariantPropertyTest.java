package dev.tododesktop.store.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.store.Fixtures;
import dev.tododesktop.store.MutableClock;
import dev.tododesktop.store.outbox.Mutation;
import dev.tododesktop.store.outbox.MutationType;
import dev.tododesktop.store.session.UserStore;
import dev.tododesktop.store.sync.MutationResult;
import dev.tododesktop.store.sync.ServerTask;
import dev.tododesktop.store.tasks.Priority;
import dev.tododesktop.store.tasks.Task;
import dev.tododesktop.store.tasks.TaskEdit;
import dev.tododesktop.store.tasks.TaskField;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random local edits interleaved with random pulls and acknowledgements. After every step the
 * store must agree with an independent model: the outbox holds exactly the unacknowledged
 * edits in the order they were made (same mutation_id and fields), and every visible task
 * equals the model's base with those edits replayed in order.
 */
class StoreInvariantPropertyTest {
    private static final int TASKS = 4;

    sealed interface Action permits Create, Update, Complete, Delete, Pull, Ack {
    }

    record Create(int task, TaskEdit fields) implements Action {
    }

    record Update(int task, TaskEdit fields) implements Action {
    }

    record Complete(int task, boolean completed) implements Action {
    }

    record Delete(int task) implements Action {
    }

    /** The server reports a new (or, if {@code stale}, an outdated) state of a task, or its deletion. */
    record Pull(int task, String title, boolean tombstone, boolean stale) implements Action {
    }

    /** The oldest batch entry gets an answer of this kind. */
    record Ack(int kind) implements Action {
    }

    /** The model: what the server last told us, and the edits not yet acknowledged. */
    private static final class Model {
        final List<UUID> ids = Stream.generate(UUID::randomUUID).limit(TASKS).toList();
        final Map<UUID, Task> base = new HashMap<>();
        final List<Mutation> pending = new ArrayList<>();
        long version;

        Optional<Task> visible(UUID id) {
            Optional<Task> current = Optional.ofNullable(base.get(id));
            for (Mutation m : pending) {
                if (!m.taskId().equals(id)) {
                    continue;
                }
                current = switch (m.type()) {
                    case CREATE -> Optional.of(applyFields(current.orElse(blank(id)), m.fields()));
                    case UPDATE, SET_COMPLETED -> current.map(t -> applyFields(t, m.fields()));
                    case DELETE -> Optional.empty();
                };
            }
            return current;
        }

        void adopt(ServerTask s) {
            Task known = base.get(s.id());
            if (known != null && known.serverVersion().getAsLong() > s.version()) {
                return;
            }
            switch (s) {
                case ServerTask.Live(Task t) -> base.put(t.id(), t);
                case ServerTask.Tombstone t -> base.remove(t.id());
            }
        }
    }

    private static Task blank(UUID id) {
        return new Task(id, "", "", false, Optional.empty(), Priority.NONE, List.of(), Optional.empty(),
                Fixtures.T0, Fixtures.T0, OptionalLong.empty());
    }

    /** The model's own field application; timestamps are compared separately, not here. */
    private static Task applyFields(Task t, TaskEdit e) {
        boolean completed = e.completed().orElse(t.completed());
        Optional<Instant> completedAt = completed ? t.completedAt().or(() -> Optional.of(Fixtures.T0)) : Optional.empty();
        return new Task(t.id(), e.title().orElse(t.title()), e.description().orElse(t.description()),
                completed, completedAt, e.priority().orElse(t.priority()),
                e.tags().orElse(t.tags()), e.dueAt().orElse(t.dueAt()), t.createdAt(), t.updatedAt(),
                t.serverVersion());
    }

    /** What the UI cares about, without the timestamps the store derives from the clock. */
    private record Shape(String title, String description, boolean completed, Priority priority,
                         List<String> tags, Optional<Instant> dueAt, OptionalLong version) {
        static Shape of(Task t) {
            return new Shape(t.title(), t.description(), t.completed(), t.priority(), t.tags(), t.dueAt(),
                    t.serverVersion());
        }
    }

    @Property(tries = 60)
    void visibleIsBasePlusPendingEditsAndNoEditIsLost(@ForAll("actions") List<Action> actions) throws IOException {
        Path dir = Files.createTempDirectory("store-prop");
        MutableClock clock = new MutableClock(Fixtures.T0);
        Model model = new Model();
        try (UserStore store = UserStore.open(dir.resolve("p.db"), clock)) {
            for (Action action : actions) {
                clock.advance(Duration.ofSeconds(1));
                step(store, model, action);
                check(store, model);
            }
        } finally {
            deleteRecursively(dir);
        }
    }

    private static void step(UserStore store, Model model, Action action) {
        switch (action) {
            case Create(int i, TaskEdit fields) -> {
                UUID id = model.ids.get(i);
                if (store.tasks().get(id).isEmpty()) {
                    store.edits().create(id, fields);
                    recordLast(store, model);
                }
            }
            case Update(int i, TaskEdit fields) -> {
                if (store.edits().update(model.ids.get(i), fields).isPresent() && !fields.isEmpty()) {
                    recordLast(store, model);
                }
            }
            case Complete(int i, boolean done) -> {
                if (store.edits().setCompleted(model.ids.get(i), done).isPresent()) {
                    recordLast(store, model);
                }
            }
            case Delete(int i) -> {
                if (store.edits().delete(model.ids.get(i)).isPresent()) {
                    recordLast(store, model);
                }
            }
            case Pull(int i, String title, boolean tombstone, boolean stale) -> {
                UUID id = model.ids.get(i);
                Task known = model.base.get(id);
                long version = stale && known != null ? known.serverVersion().getAsLong() - 1 : ++model.version;
                ServerTask change = tombstone
                        ? new ServerTask.Tombstone(id, version)
                        : Fixtures.serverTask(id, title, version);
                store.sync().applyPull(List.of(change), "cursor-" + model.version);
                model.adopt(change);
            }
            case Ack(int kind) -> {
                List<Mutation> batch = store.sync().nextBatch(3);
                if (batch.isEmpty()) {
                    return;
                }
                Mutation m = batch.getFirst();
                MutationResult result = answer(model, m, kind);
                store.sync().acknowledge(List.of(result));
                model.pending.removeIf(p -> p.mutationId().equals(m.mutationId()));
                switch (result) {
                    case MutationResult.Applied a -> a.task().ifPresentOrElse(model::adopt,
                            () -> model.base.remove(m.taskId()));
                    case MutationResult.Duplicate d -> d.task().ifPresent(model::adopt);
                    case MutationResult.Conflict c -> model.adopt(c.task());
                    case MutationResult.Invalid v -> { }
                }
            }
        }
    }

    /** A plausible server answer: the server's task with the mutation applied, at a new version. */
    private static MutationResult answer(Model model, Mutation m, int kind) {
        Task server = model.base.getOrDefault(m.taskId(), blank(m.taskId()));
        long version = ++model.version;
        if (m.type() == MutationType.DELETE) {
            return new MutationResult.Applied(m.mutationId(), Optional.empty());
        }
        Task merged = applyFields(server, m.fields()).withServerVersion(OptionalLong.of(version));
        return switch (kind) {
            case 0 -> new MutationResult.Applied(m.mutationId(), Optional.of(new ServerTask.Live(merged)));
            case 1 -> new MutationResult.Duplicate(m.mutationId(), Optional.of(new ServerTask.Live(merged)));
            case 2 -> new MutationResult.Conflict(m.mutationId(),
                    new ServerTask.Live(new Task(merged.id(), "server kept", merged.description(), merged.completed(),
                            merged.completedAt(), merged.priority(), merged.tags(), merged.dueAt(),
                            merged.createdAt(), merged.updatedAt(), merged.serverVersion())),
                    Set.of(TaskField.TITLE));
            case 3 -> new MutationResult.Conflict(m.mutationId(), new ServerTask.Tombstone(m.taskId(), version), Set.of());
            default -> new MutationResult.Invalid(m.mutationId(), "refused");
        };
    }

    private static void recordLast(UserStore store, Model model) {
        model.pending.add(store.sync().pending().getLast());
    }

    private static void check(UserStore store, Model model) {
        List<Mutation> outbox = store.sync().pending();
        assertThat(outbox).extracting(Mutation::mutationId)
                .containsExactlyElementsOf(model.pending.stream().map(Mutation::mutationId).toList());
        assertThat(outbox).extracting(Mutation::fields)
                .containsExactlyElementsOf(model.pending.stream().map(Mutation::fields).toList());
        for (UUID id : model.ids) {
            Optional<Shape> expected = model.visible(id).map(Shape::of);
            Optional<Task> actual = store.tasks().get(id);
            assertThat(actual.map(Shape::of)).as("task %s", id).isEqualTo(expected);
            actual.ifPresent(t -> assertThat(t.completedAt().isPresent()).isEqualTo(t.completed()));
        }
        assertThat(store.sync().pendingCount()).isEqualTo(model.pending.size());
    }

    @Provide
    Arbitrary<List<Action>> actions() {
        Arbitrary<Integer> task = Arbitraries.integers().between(0, TASKS - 1);
        Arbitrary<Action> create = Combinators.combine(task, edits()).as(Create::new);
        Arbitrary<Action> update = Combinators.combine(task, edits()).as(Update::new);
        Arbitrary<Action> complete = Combinators.combine(task, Arbitraries.of(true, false)).as(Complete::new);
        Arbitrary<Action> delete = task.map(Delete::new);
        Arbitrary<Action> pull = Combinators.combine(task, text(), Arbitraries.of(true, false, false, false),
                Arbitraries.of(true, false, false)).as(Pull::new);
        Arbitrary<Action> ack = Arbitraries.integers().between(0, 4).map(Ack::new);
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(3, create), net.jqwik.api.Tuple.of(4, update),
                        net.jqwik.api.Tuple.of(2, complete), net.jqwik.api.Tuple.of(1, delete),
                        net.jqwik.api.Tuple.of(3, pull), net.jqwik.api.Tuple.of(4, ack))
                .list().ofMinSize(1).ofMaxSize(30);
    }

    private static Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12),
                Arbitraries.of("100%", "a_b", "'\"", "🎉", "مرحبا", "\\", "5:x", "title=3:"));
    }

    private static Arbitrary<TaskEdit> edits() {
        Arbitrary<Optional<Instant>> due = Arbitraries.longs().between(-5, 5)
                .map(d -> Optional.of(Fixtures.T0.plus(Duration.ofDays(d))))
                .injectNull(0.3)
                .map(o -> o == null ? Optional.<Instant>empty() : o);
        Arbitrary<List<String>> tags = text().filter(s -> !s.isEmpty()).list().ofMaxSize(3).uniqueElements();
        return Combinators.combine(
                text().optional(0.6), text().optional(0.3), Arbitraries.of(Priority.class).optional(0.3),
                tags.optional(0.3), due.optional(0.3)
        ).as((title, description, priority, tagList, dueAt) -> {
            TaskEdit e = TaskEdit.none();
            if (title.isPresent()) e = e.title(title.get());
            if (description.isPresent()) e = e.description(description.get());
            if (priority.isPresent()) e = e.priority(priority.get());
            if (tagList.isPresent()) e = e.tags(tagList.get());
            if (dueAt.isPresent()) e = dueAt.get().map(e::dueAt).orElse(e.clearDueAt());
            return e;
        });
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
