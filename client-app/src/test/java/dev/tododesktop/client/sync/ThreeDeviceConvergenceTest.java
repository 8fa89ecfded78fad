package dev.tododesktop.client.sync;

import static dev.tododesktop.client.sync.SyncTestSupport.tasks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.client.api.TaskApi;
import dev.tododesktop.client.api.TaskQuery;
import dev.tododesktop.client.sync.SyncTestServer.Device;
import dev.tododesktop.testing.RandomInputs;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Three devices of one user edit offline at random (updates of several fields, completions,
 * deletions, new tasks), then sync one after the other. Afterwards all three hold exactly the
 * server's tasks with nothing pending, and every edit is accounted for: it is the final value,
 * or its device holds a conflict with it (a field another device changed first) or an error
 * (the task was deleted elsewhere), or the task is gone.
 *
 * <p>Each case is one seed: the seed fixes the phases and every task id, so a failure (which
 * names the seed, the phase and the phases up to it) replays exactly.
 */
class ThreeDeviceConvergenceTest {

    /** 12 tries under jqwik (which never ran in the build: the class name did not end in Test). */
    private static final long SEEDS = 12;
    private static final int SLOTS = 6;
    private static final int MAX_PHASES = 2;
    private static final int MAX_CREATES = 2;

    private static final List<String> TITLES = List.of("alpha", "beta", "gamma");
    private static final List<String> DESCRIPTIONS = List.of("", "note", "other note");

    private static Path dir;
    private static SyncTestServer server;

    @BeforeAll
    static void startServer() throws IOException {
        dir = Files.createTempDirectory("sync-props");
        server = new SyncTestServer(dir);
    }

    @AfterAll
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

        @Override
        public String toString() {
            return switch (kind) {
                case NONE -> "-";
                case UPDATE -> "update(" + title.map(t -> "title=" + t + " ").orElse("")
                        + description.map(d -> "description='" + d + "' ").orElse("")
                        + priority.map(p -> "priority=" + p).orElse("") + ")";
                case COMPLETE -> "complete(" + completed + ")";
                case DELETE -> "delete";
            };
        }
    }

    /** One device's offline phase: an op per existing task slot, then some new tasks. */
    record DevicePlan(List<Op> ops, List<String> creates) {
    }

    record Phase(List<DevicePlan> devices) {
    }

    static LongStream seeds() {
        return LongStream.range(0, SEEDS);
    }

    /** 1 or 2 phases; in each, every device gets an op for each of 6 task slots and 0 to 2 new tasks. */
    static List<Phase> phases(RandomGenerator rng) {
        int n = RandomInputs.size(rng, 1, MAX_PHASES);
        List<Phase> phases = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            List<DevicePlan> devices = new ArrayList<>(3);
            for (int d = 0; d < 3; d++) {
                List<Op> ops = new ArrayList<>(SLOTS);
                for (int s = 0; s < SLOTS; s++) {
                    ops.add(op(rng));
                }
                int creates = RandomInputs.size(rng, 0, MAX_CREATES);
                List<String> titles = new ArrayList<>(creates);
                for (int c = 0; c < creates; c++) {
                    titles.add(RandomInputs.pick(rng, TITLES));
                }
                devices.add(new DevicePlan(List.copyOf(ops), List.copyOf(titles)));
            }
            phases.add(new Phase(List.copyOf(devices)));
        }
        return List.copyOf(phases);
    }

    /**
     * Kind weighted as before (none 4, update 4, complete 2, delete 1); a title in 60% of ops, a
     * description and a priority in 40% each; an update with none of them sets the title "alpha".
     */
    private static Op op(RandomGenerator rng) {
        Kind kind = Kind.values()[RandomInputs.weighted(rng, 4, 4, 2, 1)];
        Optional<String> title = RandomInputs.chance(rng, 0.6) ? Optional.of(RandomInputs.pick(rng, TITLES)) : Optional.empty();
        Optional<String> description = RandomInputs.chance(rng, 0.4)
                ? Optional.of(RandomInputs.pick(rng, DESCRIPTIONS)) : Optional.empty();
        Optional<Priority> priority = RandomInputs.chance(rng, 0.4)
                ? Optional.of(RandomInputs.pick(rng, List.of(Priority.values()))) : Optional.empty();
        boolean completed = rng.nextBoolean();
        // an update sets at least one field
        if (kind == Kind.UPDATE && title.isEmpty() && description.isEmpty() && priority.isEmpty()) {
            title = Optional.of("alpha");
        }
        return new Op(kind, title, description, priority, completed);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void three_devices_converge_and_lose_no_edit(long seed) {
        RandomGenerator rng = RandomInputs.forSeed(seed);
        List<Phase> phases = phases(rng);
        String email = server.newAccount();
        SyncEngine.Options options = SyncTestServer.fastOptions().withEvents(false);
        List<Device> devices = List.of(server.device("d0", email, options), server.device("d1", email, options),
                server.device("d2", email, options));
        try {
            try {
                for (int i = 0; i < 4; i++) {
                    devices.get(0).store.edits().create(RandomInputs.uuid(rng), TaskEdit.none().title("seed " + i));
                }
                syncAll(devices);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + seed + ": the initial sync of 4 tasks failed", e);
            }
            for (int p = 0; p < phases.size(); p++) {
                try {
                    runPhase(devices, phases.get(p), rng);
                } catch (AssertionError | RuntimeException e) {
                    // No shrinking without jqwik: name the seed and cut the run at the first bad phase instead.
                    throw new AssertionError("seed " + seed + ": phase " + (p + 1) + " of " + phases.size()
                            + " failed; phases up to it:\n" + describe(phases.subList(0, p + 1)), e);
                }
            }
        } finally {
            devices.forEach(Device::close);
        }
    }

    /**
     * Guards the generator, not the sync engine: across the seeds it must produce one and two
     * phases, every kind of op, updates of one and of several fields, every title, description
     * and priority, both completion values, 0 to 2 new tasks, two devices updating (and
     * completing) the same task in one phase, and an update or completion pushed after another
     * device deleted the task, or the property above would silently test less.
     */
    @Test
    void theSeedsCoverEveryKindOfStep() {
        Set<String> seen = new HashSet<>();
        for (long seed = 0; seed < SEEDS; seed++) {
            List<Phase> phases = phases(RandomInputs.forSeed(seed));
            seen.add(phases.size() + " phases");
            for (Phase phase : phases) {
                for (int d = 0; d < 3; d++) {
                    DevicePlan plan = phase.devices().get(d);
                    seen.add(plan.creates().size() + " creates");
                    for (int s = 0; s < SLOTS; s++) {
                        Op op = plan.ops().get(s);
                        seen.add(op.kind().name());
                        switch (op.kind()) {
                            case UPDATE -> {
                                int fields = (op.title().isPresent() ? 1 : 0) + (op.description().isPresent() ? 1 : 0)
                                        + (op.priority().isPresent() ? 1 : 0);
                                seen.add(fields == 1 ? "update of one field" : "update of several fields");
                                op.title().ifPresent(t -> seen.add("title " + t));
                                op.description().ifPresent(t -> seen.add("description '" + t + "'"));
                                op.priority().ifPresent(t -> seen.add("priority " + t));
                            }
                            case COMPLETE -> seen.add("complete " + op.completed());
                            case NONE, DELETE -> { }
                        }
                        for (int earlier = 0; earlier < d; earlier++) {
                            Kind before = phase.devices().get(earlier).ops().get(s).kind();
                            if (before == op.kind() && (op.kind() == Kind.UPDATE || op.kind() == Kind.COMPLETE)) {
                                seen.add("same task: two devices " + op.kind());
                            }
                            if (before == Kind.DELETE && (op.kind() == Kind.UPDATE || op.kind() == Kind.COMPLETE)) {
                                seen.add("same task: " + op.kind() + " after another device's DELETE");
                            }
                        }
                    }
                }
            }
        }
        var expected = new ArrayList<>(List.of("1 phases", "2 phases", "0 creates", "1 creates", "2 creates",
                "NONE", "UPDATE", "COMPLETE", "DELETE", "update of one field", "update of several fields",
                "complete true", "complete false", "same task: two devices UPDATE", "same task: two devices COMPLETE",
                "same task: UPDATE after another device's DELETE", "same task: COMPLETE after another device's DELETE"));
        TITLES.forEach(t -> expected.add("title " + t));
        DESCRIPTIONS.forEach(t -> expected.add("description '" + t + "'"));
        for (Priority p : Priority.values()) expected.add("priority " + p);
        assertThat(seen).containsAll(expected);
    }

    private static String describe(List<Phase> phases) {
        StringBuilder out = new StringBuilder();
        for (int p = 0; p < phases.size(); p++) {
            out.append("  phase ").append(p + 1).append(":\n");
            List<DevicePlan> plans = phases.get(p).devices();
            for (int d = 0; d < plans.size(); d++) {
                out.append("    d").append(d).append(" slots ").append(plans.get(d).ops())
                        .append(" creates ").append(plans.get(d).creates()).append('\n');
            }
        }
        return out.toString();
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

    private static void runPhase(List<Device> devices, Phase phase, RandomGenerator ids) {
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
                UUID id = RandomInputs.uuid(ids);
                device.store.edits().create(id, TaskEdit.none().title("new " + title));
                created.put(id, "new " + title);
            }
        }

        syncAll(devices); // pushes in device order d0, d1, d2, then everyone pulls

        // Convergence: identical replicas, equal to the server's list, nothing pending.
        List<Task> replica = tasks(devices.get(0).store);
        for (Device d : devices) {
            assertThat(d.store.sync().pendingCount()).as(d.name + " pending").isZero();
            assertThat(tasks(d.store)).as(d.name + " replica").isEqualTo(replica);
        }
        var serverList = TaskApi.of(devices.get(0).client).list(TaskQuery.all().page(500, 0)).okValue().orElseThrow();
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
