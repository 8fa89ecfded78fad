package dev.tododesktop.client.sync;

import static dev.tododesktop.client.sync.SyncTestSupport.tasks;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tododesktop.client.api.RetryPolicy;
import dev.tododesktop.client.api.TaskApi;
import dev.tododesktop.client.api.TaskQuery;
import dev.tododesktop.client.sync.SyncTestServer.Device;
import dev.tododesktop.contract.ApiJson;
import dev.tododesktop.store.conflicts.Conflict;
import dev.tododesktop.store.tasks.Task;
import dev.tododesktop.store.tasks.TaskEdit;
import dev.tododesktop.testing.RandomInputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Three real devices (SQLite stores and their sync engines) edit the same tasks against the real
 * server on loopback through {@link FaultProxy}, which drops, truncates and delays sync answers
 * (after the server acted), while devices are restarted on their files (engine and store dropped
 * mid-round, as after a crash) and the server is stopped and started again on its database.
 * Afterwards, with the network healed, every replica equals the server and nothing is pending,
 * and every edit a person made is accounted for as {@code docs/sync.md} says:
 * <ul>
 *   <li>applied, or an open conflict on its device holding it (or a later edit of the same field
 *       there), or a stored error on its device: never vanished;</li>
 *   <li>no field was overwritten without a conflict by an edit made before that field's last
 *       change by another device (the edit's base is below the version of the value it replaced);</li>
 *   <li>no edit conflicted with a value its own device wrote.</li>
 * </ul>
 * The record of what the server did comes from the proxy, which sees every answer before it
 * injects a fault. Each seed fixes the script; {@code -Dfaults.seeds}, {@code -Dfaults.steps} and
 * {@code -Dfaults.firstSeed} scale it (the {@code faults-long} profile: docs/sync-faults.md).
 */
class FaultInjectionTest {

    private static final long SEEDS = Long.getLong("faults.seeds", 3);
    private static final long FIRST_SEED = Long.getLong("faults.firstSeed", 0);
    private static final int STEPS = Integer.getInteger("faults.steps", 100);
    private static final List<String> FIELDS = List.of("title", "description", "tags");
    private static final Duration READ_TIMEOUT = Duration.ofMillis(800);

    static LongStream seeds() {
        return LongStream.range(FIRST_SEED, FIRST_SEED + SEEDS);
    }

    /** One thing a person typed: the field, its unique value, and the server version their device held. */
    record Edit(int device, UUID task, String field, JsonNode value, long base) {}

    /** What one seed did and found, for the summary line and the long run's figures. */
    record Outcome(long seed, int edits, int creates, int syncs, int deviceRestarts, int serverRestarts, int pushes,
                   Map<FaultProxy.Fault, Integer> faults, int conflicts, int errors, List<String> vanished,
                   List<String> silentOverwrites, List<String> selfConflicts) {
        String summary() {
            return "FAULTS seed=" + seed + " edits=" + edits + " creates=" + creates + " syncs=" + syncs
                    + " pushes=" + pushes + " faults=" + faults.values().stream().mapToInt(Integer::intValue).sum()
                    + " " + faults + " device-restarts=" + deviceRestarts + " server-restarts=" + serverRestarts
                    + " conflicts=" + conflicts + " errors=" + errors + " vanished=" + vanished.size()
                    + " silent-overwrites=" + silentOverwrites.size() + " self-conflicts=" + selfConflicts.size();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void every_edit_ends_applied_in_the_conflict_list_or_as_an_error_under_faults(long seed) throws IOException {
        Path dir = Files.createTempDirectory("sync-faults");
        Outcome outcome;
        try {
            outcome = run(seed, dir);
        } finally {
            delete(dir);
        }
        System.out.println(outcome.summary());
        assertThat(outcome.vanished()).as("seed %d: edits that vanished", seed).isEmpty();
        assertThat(outcome.silentOverwrites()).as("seed %d: fields overwritten without a conflict", seed).isEmpty();
        assertThat(outcome.selfConflicts()).as("seed %d: edits that conflicted with their own device", seed).isEmpty();
        assertThat(outcome.faults().values().stream().mapToInt(Integer::intValue).sum())
                .as("seed %d injected faults", seed).isPositive();
    }

    private static Outcome run(long seed, Path dir) throws IOException {
        RandomGenerator rng = RandomInputs.forSeed(seed);
        List<Edit> edits = new ArrayList<>();
        Map<UUID, Integer> creators = new HashMap<>();
        int creates = 0;
        int syncs = 0;
        int deviceRestarts = 0;
        int serverRestarts = 0;
        try (SyncTestServer server = new SyncTestServer(dir);
             FaultProxy proxy = new FaultProxy(server.baseUri(), RandomInputs.forSeed(seed ^ 0x5eed), 0.35,
                     READ_TIMEOUT.toMillis() + 400)) {
            String email = server.newAccount();
            SyncEngine.Options options = SyncTestServer.fastOptions().withEvents(false)
                    .withBatchSizes(1 + rng.nextInt(4), 50);
            List<Device> devices = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                devices.add(server.device("d" + i, email, options, proxy.uri(), RetryPolicy.none(), READ_TIMEOUT));
            }
            Map<Integer, CompletableFuture<SyncReport>> running = new HashMap<>();
            // Three tasks everyone knows to begin with.
            for (int i = 0; i < 3; i++) {
                Task t = devices.get(0).store.edits().create(TaskEdit.none().title("seed " + i));
                creators.put(t.id(), 0);
            }
            heal(proxy, devices);
            proxy.faultRate(0.35);
            int counter = 0;
            boolean serverDown = false;
            int downFor = 0;
            for (int step = 0; step < STEPS; step++) {
                int d = rng.nextInt(devices.size());
                Device device = devices.get(d);
                int kind = RandomInputs.weighted(rng, 50, 8, 4, 2, 30, 3, 2);
                List<Task> known = tasks(device.store);
                switch (kind) {
                    case 0 -> {
                        if (known.isEmpty()) break;
                        Task t = known.get(rng.nextInt(known.size()));
                        String field = RandomInputs.pick(rng, FIELDS);
                        String value = "d" + d + "-" + (++counter);
                        TaskEdit edit = switch (field) {
                            case "title" -> TaskEdit.none().title(value);
                            case "description" -> TaskEdit.none().description(value);
                            default -> TaskEdit.none().tags(List.of(value));
                        };
                        Optional<Task> after = device.store.edits().update(t.id(), edit);
                        if (after.isPresent()) {
                            // The visible task's server version is the base the edit was stored with.
                            long base = after.get().serverVersion().orElse(1);
                            edits.add(new Edit(d, t.id(), field, json(field, value), base));
                        }
                    }
                    case 1 -> {
                        Task t = device.store.edits().create(TaskEdit.none().title("c" + d + "-" + (++counter)));
                        creators.put(t.id(), d);
                        creates++;
                    }
                    case 2 -> {
                        if (!known.isEmpty()) device.store.edits().setCompleted(known.get(rng.nextInt(known.size())).id(), rng.nextBoolean());
                    }
                    case 3 -> {
                        if (known.size() > 2) device.store.edits().delete(known.get(rng.nextInt(known.size())).id());
                    }
                    case 4 -> {
                        syncs++;
                        var previous = running.get(d);
                        if (previous == null || previous.isDone()) {
                            running.put(d, device.engine().syncNow());
                        }
                    }
                    case 5 -> {
                        // As after a crash: engine and store dropped, perhaps mid-round, and the file reopened.
                        device.reopen();
                        running.remove(d);
                        deviceRestarts++;
                    }
                    default -> {
                        if (!serverDown) {
                            server.stop();
                            serverDown = true;
                            downFor = 2 + rng.nextInt(6);
                            serverRestarts++;
                        }
                    }
                }
                if (serverDown && --downFor <= 0) {
                    server.restart();
                    serverDown = false;
                }
            }
            if (serverDown) {
                server.restart();
            }
            running.values().forEach(FaultInjectionTest::settle);
            heal(proxy, devices);

            // Replicas equal the server, nothing pending.
            var serverTasks = new TreeMap<UUID, String>();
            TaskApi.of(devices.get(0).client).list(TaskQuery.all().page(500, 0)).okValue().orElseThrow().items()
                    .forEach(t -> serverTasks.put(t.id(), t.title() + "|" + t.description() + "|" + t.tags() + "|"
                            + t.completed() + "|" + t.version()));
            for (Device device : devices) {
                assertThat(device.store.sync().pendingCount()).as("%s pending", device.name).isZero();
                var replica = new TreeMap<UUID, String>();
                tasks(device.store).forEach(t -> replica.put(t.id(), t.title() + "|" + t.description() + "|" + t.tags()
                        + "|" + t.completed() + "|" + t.serverVersion().orElse(-1)));
                assertThat(replica).as("seed %d: %s equals the server", seed, device.name).isEqualTo(serverTasks);
            }
            return judge(seed, devices, proxy, edits, creators, serverTasks.keySet(), creates, syncs, deviceRestarts,
                    serverRestarts);
        }
    }

    /** Faults off, then every device syncs until it got through with nothing left, twice around. */
    private static void heal(FaultProxy proxy, List<Device> devices) {
        proxy.faultRate(0);
        for (int pass = 0; pass < 2; pass++) {
            for (Device device : devices) {
                SyncReport report = null;
                for (int attempt = 0; attempt < 20; attempt++) {
                    report = device.sync();
                    if (report.ok() && device.store.sync().pendingCount() == 0) {
                        break;
                    }
                    sleep(100);
                }
                assertThat(report.ok()).as("%s syncs once healed: %s", device.name, report).isTrue();
            }
        }
    }

    private static Outcome judge(long seed, List<Device> devices, FaultProxy proxy, List<Edit> edits,
                                 Map<UUID, Integer> creators, java.util.Set<UUID> live, int creates, int syncs,
                                 int deviceRestarts, int serverRestarts) {
        var first = proxy.firstAnswers();
        var replays = proxy.replays();
        // Who wrote each (task, field, value): an edit's device, or the task's creator for its create's values.
        Map<String, Edit> author = new HashMap<>();
        for (Edit e : edits) {
            author.putIfAbsent(key(e.task(), e.field(), e.value()), e);
        }
        // The mutation that carried each edit, found by its unique value.
        Map<Edit, String> mutationOf = new HashMap<>();
        Map<String, Edit> byValue = new HashMap<>();
        edits.forEach(e -> byValue.put(key(e.task(), e.field(), e.value()), e));
        List<FaultProxy.Exchange> all = new ArrayList<>(first.values());
        all.addAll(replays.values());
        for (var x : all) {
            JsonNode m = x.mutation();
            if (!"update".equals(m.path("type").asText())) continue;
            UUID task = UUID.fromString(m.get("task_id").asText());
            for (var f : m.path("fields").properties()) {
                Edit e = byValue.get(key(task, f.getKey(), f.getValue()));
                if (e != null) mutationOf.put(e, m.get("mutation_id").asText());
            }
        }
        List<String> vanished = new ArrayList<>();
        List<String> selfConflicts = new ArrayList<>();
        int conflicts = 0;
        int errors = 0;
        for (Edit e : edits) {
            String id = mutationOf.get(e);
            Device device = devices.get(e.device());
            if (id == null) {
                vanished.add(e + ": never sent");
                continue;
            }
            var answer = first.containsKey(id) ? first.get(id) : replays.get(id);
            JsonNode result = answer.result();
            String status = result.get("status").asText();
            boolean kept = false;
            for (JsonNode c : result.path("conflicts")) kept |= c.asText().equals(e.field());
            JsonNode task = result.get("task");
            boolean tombstone = task != null && !task.isNull() && task.path("deleted").asBoolean();
            boolean hasError = device.store.conflicts().errors().stream().anyMatch(x -> x.mutationId().toString().equals(id));
            if (status.equals("invalid") || (status.equals("conflict") && tombstone)) {
                errors++;
                if (!hasError) vanished.add(e + ": " + status + " (" + result + ") but no error on its device");
                continue;
            }
            if (status.equals("duplicate")) {
                vanished.add(e + ": answered duplicate, outcome unknown: " + result);
                continue;
            }
            if (!kept) continue; // applied
            conflicts++;
            if (first.containsKey(id) && task != null && !task.isNull()) {
                Edit holder = author.get(key(e.task(), e.field(), task.get(e.field())));
                int holderDevice = holder != null ? holder.device() : creators.getOrDefault(e.task(), -1);
                if (holderDevice == e.device()) {
                    selfConflicts.add(e + " conflicted with " + task.get(e.field()) + ", its own device's value");
                }
            }
            if (!live.contains(e.task())) continue; // deleted since: nothing left to resolve
            boolean shown = device.store.conflicts().open().stream().anyMatch(c -> shows(c, e, edits));
            boolean nowEqual = tasks(device.store).stream().anyMatch(t -> t.id().equals(e.task())
                    && json(e.field(), t).equals(e.value()));
            if (!shown && !nowEqual) {
                vanished.add(e + ": kept back by " + result + " but no conflict on its device");
            }
        }
        // The version each edit's mutation left the task at: when its value appeared there.
        Map<Edit, Long> producedVersion = new HashMap<>();
        mutationOf.forEach((e, id) -> {
            var x = first.containsKey(id) ? first.get(id) : replays.get(id);
            JsonNode v = first.containsKey(id) ? x.result().path("task").path("version") : x.result().path("version");
            if (v.isNumber()) producedVersion.put(e, v.asLong());
        });
        List<String> silent = silentOverwrites(first, byValue, creators, producedVersion);
        return new Outcome(seed, edits.size(), creates, syncs, deviceRestarts, serverRestarts, proxy.pushes(),
                proxy.injected(), conflicts, errors, vanished, silent, selfConflicts);
    }

    /** An open conflict of the edit's field holding the edit's value or a later one of its device. */
    private static boolean shows(Conflict c, Edit e, List<Edit> edits) {
        if (!c.taskId().equals(e.task()) || !c.field().wireName().equals(e.field())) return false;
        JsonNode local = json(e.field(), c.localValue());
        int at = edits.indexOf(e);
        for (int i = at; i < edits.size(); i++) {
            Edit later = edits.get(i);
            if (later.device() == e.device() && later.task().equals(e.task()) && later.field().equals(e.field())
                    && later.value().equals(local)) {
                return true;
            }
        }
        return false;
    }

    /**
     * From the first answers (each carries the task right after its mutation), each task's field
     * values by version; wherever a value replaced another device's value, the replacing edit's
     * base must be at least the version at which the replaced value appeared.
     */
    private static List<String> silentOverwrites(Map<String, FaultProxy.Exchange> first, Map<String, Edit> byValue,
                                                 Map<UUID, Integer> creators, Map<Edit, Long> producedVersion) {
        Map<UUID, TreeMap<Long, JsonNode>> states = new HashMap<>();
        for (var x : first.values()) {
            JsonNode task = x.result().get("task");
            if (task == null || task.isNull() || task.path("deleted").asBoolean()) continue;
            states.computeIfAbsent(UUID.fromString(task.get("id").asText()), k -> new TreeMap<>())
                    .put(task.get("version").asLong(), task);
        }
        List<String> out = new ArrayList<>();
        states.forEach((id, byVersion) -> {
            for (String field : FIELDS) {
                JsonNode previous = null;
                for (var entry : byVersion.entrySet()) {
                    JsonNode value = entry.getValue().get(field);
                    if (previous != null && !value.equals(previous)) {
                        Edit replacing = byValue.get(key(id, field, value));
                        Edit replaced = byValue.get(key(id, field, previous));
                        int replacedDevice = replaced != null ? replaced.device() : creators.getOrDefault(id, -1);
                        // A value no edit wrote is the create's: it appeared at version 1.
                        Long appeared = replaced == null ? Long.valueOf(1) : producedVersion.get(replaced);
                        if (replacing != null && appeared != null && replacedDevice != replacing.device()
                                && appeared > replacing.base()) {
                            out.add(replacing + " at v" + entry.getKey() + " overwrote " + previous + " (d" + replacedDevice
                                    + ", since v" + appeared + ") without a conflict");
                        }
                    }
                    previous = value;
                }
            }
        });
        return out;
    }

    private static String key(UUID task, String field, JsonNode value) {
        return task + "/" + field + "/" + value;
    }

    private static JsonNode json(String field, String value) {
        return ApiJson.mapper().valueToTree(field.equals("tags") ? List.of(value) : value);
    }

    private static JsonNode json(String field, Task t) {
        return ApiJson.mapper().valueToTree(switch (field) {
            case "title" -> t.title();
            case "description" -> t.description();
            default -> t.tags();
        });
    }

    private static JsonNode json(String field, TaskEdit e) {
        return ApiJson.mapper().valueToTree(switch (field) {
            case "title" -> e.title().orElse(null);
            case "description" -> e.description().orElse(null);
            default -> e.tags().orElse(null);
        });
    }

    private static void settle(CompletableFuture<SyncReport> round) {
        try {
            round.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            // A round cut short by a device restart; healing syncs again.
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void delete(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
