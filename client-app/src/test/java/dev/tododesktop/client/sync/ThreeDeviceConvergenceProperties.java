package dev.tododesktop.client.sync;

import static dev.tododesktop.client.sync.SyncTestSupport.tasks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.client.api.TaskQuery;
import dev.tododesktop.client.sync.SyncTestServer.Device;
import dev.tododesktop.store.conflicts.Conflict;
import dev.tododesktop.store.tasks.Priority;
import dev.tododesktop.store.tasks.Task;
import dev.tododesktop.store.tasks.TaskEdit;
import dev.tododesktop.store.tasks.TaskField;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Three devices of one user edit offline at random (updates of several fields, completions,
 * deletions, new tasks), then sync one after the other. Afterwards all three hold exactly the
 * server's tasks with nothing pending, and every edit is accounted for: it is the final value,
 * or its device holds a conflict with it (a field another device changed first) or an error
 * (the task was deleted elsewhere), or the task is gone.
 */
class ThreeDeviceConvergenceProperties {

    private static final List<String> TITLES = List.of("alpha", "beta", "gamma");
    private static final List<String> DESCRIPTIONS = List.of("", "note", "other note");

    private static Path dir;
    private static SyncTestServer server;

    @BeforeContainer
    static void startServer() throws IOException {
        dir = Files.createTempDirectory("sync-props");
        server = new SyncTestServer(dir);
    }

    @AfterContainer
    static void stopServer() {
        server.close();
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    enum Kind { NONE, UPDATE, COMPLETE, DELETE }

    /** What one device does to one existing task in one offline phase (at most one mutation per task). */
    record Op(Kind kind, Optional<String> title, Optional<String> description, Optional<Priority> priority,
              boolean completed) {
        TaskEdit edit() {
            TaskEdit e = TaskEdit.none();
            if (title.isPresent()) e = e.title(title.get());
            if (description.isPresent()) e = e.description(description.get());
            if (priority.isPresent()) e = e.priority(priority.get());
            return e;
        }
    }

    /** One device's offline phase: an op per existing task slot, then some new tasks. */
    record DevicePlan(List<Op> ops, List<String> creates) {
    }

    record Phase(List<DevicePlan> devices) {
    }

    @Provide
    Arbitrary<List<Phase>> phases() {
        Arbitrary<Op> op = Combinators.combine(
                Arbitraries.frequency(
                        net.jqwik.api.Tuple.of(4, Kind.NONE), net.jqwik.api.Tuple.of(4, Kind.UPDATE),
                        net.jqwik.api.Tuple.of(2, Kind.COMPLETE), net.jqwik.api.Tuple.of(1, Kind.DELETE)),
                Arbitraries.of(TITLES).optional(0.6),
                Arbitraries.of(DESCRIPTIONS).optional(0.4),
                Arbitraries.of(Priority.class).optional(0.4),
                Arbitraries.of(true, false))
                .as((kind, title, description, priority, completed) -> {
                    // an update sets at least one field
                    Optional<String> t = kind == Kind.UPDATE && title.isEmpty() && description.isEmpty()
                            && priority.isEmpty() ? Optional.of("alpha") : title;
                    return new Op(kind, t, description, priority, completed);
                });
        Arbitrary<DevicePlan> device = Combinators.combine(
                op.list().ofSize(6),
                Arbitraries.of(TITLES).list().ofMaxSize(2))
                .as(DevicePlan::new);
        return device.list().ofSize(3).map(Phase::new).list().ofMinSize(1).ofMaxSize(2);
    }

    @Property(tries = 12)
    void three_devices_converge_and_lose_no_edit(@ForAll("phases") List<Phase> phases) {
        String email = server.newAccount();
        SyncEngine.Options options = SyncTestServer.fastOptions().withEvents(false);
        List<Device> devices = List.of(server.device("d0", email, options), server.device("d1", email, options),
                server.device("d2", email, options));
        try {
            for (int i = 0; i < 4; i++) {
                devices.get(0).store.edits().create(TaskEdit.none().title("seed " + i));
            }
            syncAll(devices);
            for (Phase phase : phases) {
                runPhase(devices, phase);
            }
        } finally {
            devices.forEach(Device::close);
        }
    }

    private static void syncAll(List<Device> devices) {
        for (int pass = 0; pass < 2; pass++) {
            for (Device d : devices) {
                SyncReport report = d.sync();
                assertThat(report.ok()).as("%s: %s", d.name, report).isTrue();
            }
        }
    }

    private record Written(int device, UUID task, TaskField field, Object value) {
    }

    private static void runPhase(List<Device> devices, Phase phase) {
        List<Task> known = tasks(devices.get(0).store);
        List<Written> written = new ArrayList<>();
        Map<UUID, Integer> deletedBy = new HashMap<>();
        Map<UUID, List<Integer>> touchedBy = new HashMap<>();
        Map<UUID, String> created = new LinkedHashMap<>();
        for (int i = 0; i < devices.size(); i++) {
            final int d = i;
            Device device = devices.get(d);
            DevicePlan plan = phase.devices().get(d);
            for (int slot = 0; slot < Math.min(plan.ops().size(), known.size()); slot++) {
                Op op = plan.ops().get(slot);
                UUID id = known.get(slot).id();
                switch (op.kind()) {
                    case NONE -> { }
                    case UPDATE -> {
                        device.store.edits().update(id, op.edit());
                        TaskEdit e = op.edit();
                        // Setting a field to the value it already had changes nothing, on the server too:
                        // a later device's different value then applies without a conflict. Not an edit.
                        Task before = known.get(slot);
                        op.title().filter(v -> !v.equals(before.title()))
                                .ifPresent(v -> written.add(new Written(d, id, TaskField.TITLE, v)));
                        op.description().filter(v -> !v.equals(before.description()))
                                .ifPresent(v -> written.add(new Written(d, id, TaskField.DESCRIPTION, v)));
                        op.priority().filter(v -> v != before.priority())
                                .ifPresent(v -> written.add(new Written(d, id, TaskField.PRIORITY, v)));
                        assertThat(e.isEmpty()).isFalse();
                    }
                    case COMPLETE -> {
                        device.store.edits().setCompleted(id, op.completed());
                        written.add(new Written(d, id, TaskField.COMPLETED, op.completed()));
                    }
                    case DELETE -> {
                        device.store.edits().delete(id);
                        deletedBy.putIfAbsent(id, d);
                    }
                }
                if (op.kind() != Kind.NONE) {
                    touchedBy.computeIfAbsent(id, k -> new ArrayList<>()).add(d);
                }
            }
            for (String title : plan.creates()) {
                created.put(device.store.edits().create(TaskEdit.none().title("new " + title)).id(), "new " + title);
            }
        }

        syncAll(devices); // pushes in device order d0, d1, d2, then everyone pulls

        // Convergence: identical replicas, equal to the server's list, nothing pending.
        List<Task> replica = tasks(devices.get(0).store);
        for (Device d : devices) {
            assertThat(d.store.sync().pendingCount()).as(d.name + " pending").isZero();
            assertThat(tasks(d.store)).as(d.name + " replica").isEqualTo(replica);
        }
        var serverList = devices.get(0).client.tasks().list(TaskQuery.all().page(500, 0)).okValue().orElseThrow();
        assertThat(serverList.items().stream().map(t -> t.id()).sorted().toList())
                .isEqualTo(replica.stream().map(Task::id).toList());
        Map<UUID, Task> finalById = new HashMap<>();
        replica.forEach(t -> finalById.put(t.id(), t));

        // New tasks all arrived.
        created.forEach((id, title) -> assertThat(finalById.get(id)).as("created " + title).isNotNull()
                .extracting(Task::title).isEqualTo(title));
        // A delete always applies.
        deletedBy.keySet().forEach(id -> assertThat(finalById).as("deleted").doesNotContainKey(id));

        // No edit lost silently.
        for (Written w : written) {
            Task now = finalById.get(w.task());
            Device device = devices.get(w.device());
            if (now == null) {
                // Deleted. A device that pushed after the deleter was told its edit could not apply.
                int deleter = deletedBy.getOrDefault(w.task(), -1);
                if (deleter >= 0 && deleter < w.device() && w.field() != TaskField.COMPLETED) {
                    assertThat(device.store.conflicts().errors()).as("error for edit on deleted task")
                            .anyMatch(e -> e.taskId().equals(w.task()));
                }
                continue;
            }
            Object finalValue = value(now, w.field());
            if (w.field() == TaskField.COMPLETED) {
                // set_completed sets the value whatever the version: the last device to push wins.
                Written last = written.stream().filter(x -> x.task().equals(w.task()) && x.field() == TaskField.COMPLETED)
                        .reduce((a, b) -> b).orElseThrow();
                assertThat(finalValue).as("completed").isEqualTo(last.value());
                continue;
            }
            if (finalValue.equals(w.value())) {
                continue;
            }
            List<Conflict> open = device.store.conflicts().open();
            assertThat(open).as("%s's %s = %s on %s lost (final %s)", device.name, w.field(), w.value(), w.task(),
                    finalValue).anyMatch(c -> c.taskId().equals(w.task()) && c.field() == w.field()
                    && value(c.localValue(), w.field()).equals(w.value())
                    && value(c.serverValue(), w.field()).equals(finalValue));
        }
    }

    private static Object value(Task t, TaskField f) {
        return switch (f) {
            case TITLE -> t.title();
            case DESCRIPTION -> t.description();
            case PRIORITY -> t.priority();
            case COMPLETED -> t.completed();
            case TAGS -> t.tags();
            case DUE_AT -> t.dueAt();
        };
    }

    private static Object value(TaskEdit e, TaskField f) {
        return switch (f) {
            case TITLE -> e.title().orElse(null);
            case DESCRIPTION -> e.description().orElse(null);
            case PRIORITY -> e.priority().orElse(null);
            case COMPLETED -> e.completed().orElse(null);
            case TAGS -> e.tags().orElse(null);
            case DUE_AT -> e.dueAt().orElse(null);
        };
    }
}
