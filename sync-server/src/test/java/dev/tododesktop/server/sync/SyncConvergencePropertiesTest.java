package dev.tododesktop.server.sync;

import static dev.tododesktop.testing.RandomInputs.chance;
import static dev.tododesktop.testing.RandomInputs.pick;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tododesktop.server.TodoServer;
import dev.tododesktop.server.testing.Backend;
import dev.tododesktop.server.testing.Http;
import dev.tododesktop.testing.RandomInputs;
import dev.tododesktop.server.testing.TaskApi;
import dev.tododesktop.server.testing.TaskServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two or three devices of one user, each signed in with its own session, edit offline in random
 * interleavings (creates, field edits, completes, deletes, syncs, syncs whose answer is lost and
 * resent). Afterwards every device, synced to the end, holds exactly the server's tasks, and no
 * applied edit was lost: each field's final value is the one the last applied write gave it, and
 * every write not applied was reported as a conflict. The model follows docs/sync.md: a field
 * conflicts when another device wrote it since the edit's base (never when the pushing device
 * wrote it itself, in this push or an earlier one), and a resent mutation gets exactly the answer
 * it got the first time, marked as a replay.
 *
 * <p>Each case is one seed: the seed fixes the device count, the script and every task and
 * mutation id, so a failure (which names the seed, the database, the step and the actions up to
 * it) replays exactly. Even seeds run on SQLite, odd ones on PostgreSQL.
 */
class SyncConvergencePropertiesTest {

    /**
     * 16 tries under jqwik, each on a randomly drawn database; here 16 distinct scripts, 8 on each.
     * Starting the two servers is most of the time, so the run is no slower than before.
     */
    private static final long SEEDS = 16;
    private static final int MIN_ACTIONS = 5;
    private static final int MAX_ACTIONS = 35;

    private static final Map<Backend, TodoServer> servers = new EnumMap<>(Backend.class);

    private static synchronized TodoServer server(Backend backend) {
        return servers.computeIfAbsent(backend, b -> {
            try {
                return TaskServers.start(b, Files.createTempDirectory("sync-props"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @AfterAll
    static void stopServers() {
        servers.values().forEach(TodoServer::close);
        servers.clear();
    }

    sealed interface Action {}

    /** {@code variant} picks the new task's title. */
    record Create(int device, int variant) implements Action {}

    /** {@code task} indexes (modulo) the tasks the device knows; {@code variant} picks the new value. */
    record Edit(int device, int task, String field, int variant) implements Action {}

    record Complete(int device, int task, boolean completed) implements Action {}

    record Delete(int device, int task) implements Action {}

    record Sync(int device, boolean loseAnswer) implements Action {}

    /** One case's input: how many devices, and what they do in which order. */
    record Script(int deviceCount, List<Action> actions) {}

    private static final List<String> FIELDS = List.of("title", "description", "priority", "tags", "due_at");

    static Backend backend(long seed) {
        return seed % 2 == 0 ? Backend.SQLITE : Backend.POSTGRES;
    }

    static Stream<Arguments> cases() {
        return LongStream.range(0, SEEDS).mapToObj(seed -> Arguments.of(seed, backend(seed)));
    }

    /**
     * 2 or 3 devices; 5 to 35 actions weighted as before: create 3, edit 6, complete 2, delete 1,
     * sync 4, a quarter of the syncs losing their answer. Device 0..2 (modulo the device count),
     * task 0..50 (modulo the known tasks), value variant 0..5.
     */
    static Script script(RandomGenerator rng) {
        int deviceCount = rng.nextInt(2, 4);
        int n = RandomInputs.size(rng, MIN_ACTIONS, MAX_ACTIONS);
        var actions = new ArrayList<Action>(n);
        for (int i = 0; i < n; i++) {
            int device = rng.nextInt(3);
            actions.add(switch (RandomInputs.weighted(rng, 3, 6, 2, 1, 4)) {
                case 0 -> new Create(device, rng.nextInt(6));
                case 1 -> new Edit(device, rng.nextInt(51), pick(rng, FIELDS), rng.nextInt(6));
                case 2 -> new Complete(device, rng.nextInt(51), rng.nextBoolean());
                case 3 -> new Delete(device, rng.nextInt(51));
                default -> new Sync(device, chance(rng, 0.25));
            });
        }
        return new Script(deviceCount, List.copyOf(actions));
    }

    /** One device: its session, its replica as of its last pull, its cursor, its unsent edits and ids it created offline. */
    static final class Device {
        final TaskApi api;
        final String name;
        Device(TaskApi api, String name) {
            this.api = api;
            this.name = name;
        }

        final Map<String, JsonNode> replica = new TreeMap<>();
        final List<Map<String, Object>> outbox = new ArrayList<>();
        final List<String> createdOffline = new ArrayList<>();
        String cursor;

        List<String> known() {
            var ids = new ArrayList<>(replica.keySet().stream().filter(id -> !replica.get(id).get("deleted").asBoolean()).toList());
            createdOffline.stream().filter(id -> !ids.contains(id)).forEach(ids::add);
            return ids;
        }

        long base(String id) {
            var t = replica.get(id);
            return t == null ? 1 : t.get("version").asLong();
        }
    }

    private static Object value(String field, int variant) {
        return switch (field) {
            case "title" -> "title " + variant;
            case "description" -> "description " + variant;
            case "priority" -> List.of("none", "low", "medium", "high").get(variant % 4);
            case "tags" -> variant % 3 == 0 ? List.of() : List.of("tag" + variant, "x" + (variant % 2));
            case "due_at" -> variant % 3 == 0 ? null : "2027-01-0" + (variant + 1) + "T00:00:00.000Z";
            default -> throw new IllegalArgumentException(field);
        };
    }

    /** Everything one case works on: the user's API, the devices, the oracle's records, the ids. */
    private static final class Run {
        final TaskApi api;
        final List<Device> devices = new ArrayList<>();
        /** (task id, field) -> the value the last applied write gave it, in server order. */
        final Map<String, JsonNode> lastWrite = new HashMap<>();
        final ServerModel model = new ServerModel();
        /** mutation id -> the first answer it got, which every resend must get again. */
        final Map<String, JsonNode> firstAnswers = new HashMap<>();
        /** Task and mutation ids come from here, so a seed replays with the same ids. */
        final RandomGenerator ids;

        Run(TaskApi api, int deviceCount, RandomGenerator ids) {
            this.api = api;
            this.ids = ids;
            for (int i = 0; i < deviceCount; i++) devices.add(new Device(i == 0 ? api : api.secondDevice(), "device " + i));
        }

        Device device(int index) {
            return devices.get(index % devices.size());
        }

        /** The task a device means by {@code index}, or none if it knows no task. */
        String target(Device d, int index) {
            var known = d.known();
            return known.isEmpty() ? null : known.get(index % known.size());
        }
    }

    @ParameterizedTest(name = "seed {0} on {1}")
    @MethodSource("cases")
    void devicesConvergeAndNoEditIsLost(long seed, Backend backend) {
        RandomGenerator rng = RandomInputs.forSeed(seed);
        Script script = script(rng);
        List<Action> actions = script.actions();
        var run = new Run(TaskApi.register(new Http(server(backend).baseUri())), script.deviceCount(), rng);
        for (int i = 0; i < actions.size(); i++) {
            try {
                step(run, actions.get(i));
            } catch (AssertionError | RuntimeException e) {
                // No shrinking without jqwik: name the seed and cut the run at the first bad step instead.
                throw new AssertionError(header(seed, backend, script) + "step " + (i + 1) + " of " + actions.size()
                        + " failed; actions up to it:\n" + describe(actions.subList(0, i + 1)), e);
            }
        }
        try {
            converge(run);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(header(seed, backend, script) + "the final sync or comparison after all "
                    + actions.size() + " actions failed; the actions:\n" + describe(actions), e);
        }
    }

    /**
     * Guards the generator, not the server: across the seeds it must produce every kind of action,
     * an edit of every field, every value variant of each kind of field (a cleared and a set due
     * date, empty and non-empty tags), both completion values, lost and delivered answers, every
     * device index, both device counts, both databases, the longest script and a script at or next
     * to the shortest, or the property above would silently test less.
     */
    @Test
    void theSeedsCoverEveryKindOfStep() {
        Set<String> seen = new HashSet<>();
        for (long seed = 0; seed < SEEDS; seed++) {
            Script script = script(RandomInputs.forSeed(seed));
            seen.add(backend(seed).name());
            seen.add(script.deviceCount() + " devices");
            int length = script.actions().size();
            seen.add("length " + length);
            if (length <= MIN_ACTIONS + 1) seen.add("shortest scripts");
            boolean lost = false;
            for (Action a : script.actions()) {
                seen.add(a.getClass().getSimpleName());
                switch (a) {
                    case Create c -> seen.add("device " + c.device());
                    case Edit e -> {
                        seen.add("device " + e.device());
                        seen.add("edit " + e.field());
                        seen.add("variant " + e.variant());
                        seen.add(e.field() + " " + value(e.field(), e.variant()));
                    }
                    case Complete c -> seen.add("complete " + c.completed());
                    case Delete d -> seen.add("device " + d.device());
                    case Sync s -> {
                        if (s.loseAnswer()) {
                            seen.add("answer lost");
                            if (lost) seen.add("answer lost twice in a row");
                        } else {
                            seen.add("answer delivered");
                        }
                        lost = s.loseAnswer();
                    }
                }
            }
        }
        var expected = new ArrayList<>(List.of("SQLITE", "POSTGRES", "2 devices", "3 devices",
                "shortest scripts", "length " + MAX_ACTIONS, "Create", "Edit", "Complete", "Delete", "Sync",
                "device 0", "device 1", "device 2", "complete true", "complete false",
                "answer lost", "answer lost twice in a row", "answer delivered"));
        for (String field : FIELDS) expected.add("edit " + field);
        for (int variant = 0; variant < 6; variant++) expected.add("variant " + variant);
        expected.addAll(List.of("due_at null", "tags []", "tags [tag1, x1]", "priority none", "priority high"));
        assertThat(seen).containsAll(expected);
    }

    private static void step(Run run, Action action) {
        switch (action) {
            case Create c -> {
                var d = run.device(c.device());
                String id = RandomInputs.uuid(run.ids).toString();
                d.createdOffline.add(id);
                d.outbox.add(TaskApi.mutation(RandomInputs.uuid(run.ids), "create", id, null, Map.of("title", "new " + c.variant())));
            }
            case Edit e -> {
                var d = run.device(e.device());
                String id = run.target(d, e.task());
                if (id == null) return;
                var fields = new LinkedHashMap<String, Object>();
                fields.put(e.field(), value(e.field(), e.variant()));
                d.outbox.add(TaskApi.mutation(RandomInputs.uuid(run.ids), "update", id, d.base(id), fields));
            }
            case Complete c -> {
                var d = run.device(c.device());
                String id = run.target(d, c.task());
                if (id == null) return;
                d.outbox.add(TaskApi.mutation(RandomInputs.uuid(run.ids), "set_completed", id, null, Map.of("completed", c.completed())));
            }
            case Delete del -> {
                var d = run.device(del.device());
                String id = run.target(d, del.task());
                if (id == null) return;
                d.outbox.add(TaskApi.mutation(RandomInputs.uuid(run.ids), "delete", id, null, null));
            }
            case Sync s -> sync(run, run.device(s.device()), s.loseAnswer());
        }
    }

    /** Everyone sends what is left, then everyone pulls what the others sent; then all must agree. */
    private static void converge(Run run) {
        var api = run.api;
        for (var d : run.devices) sync(run, d, false);
        for (var d : run.devices) pullToEnd(d);

        var server = new TreeMap<String, JsonNode>();
        for (var t : api.list("limit=500").json().get("items")) server.put(t.get("id").asText(), t);
        for (var d : run.devices) {
            var live = new TreeMap<String, JsonNode>();
            d.replica.forEach((id, t) -> {
                if (!t.get("deleted").asBoolean()) {
                    var copy = (ObjectNode) t.deepCopy();
                    copy.remove("deleted");
                    live.put(id, copy);
                }
            });
            assertThat(live).as("device replica equals the server").isEqualTo(server);
        }
        run.lastWrite.forEach((key, expected) -> {
            String id = key.substring(0, 36);
            String field = key.substring(37);
            var task = server.get(id);
            if (task != null) {
                assertThat(task.get(field)).as("last applied %s of %s", field, id).isEqualTo(expected);
            }
        });
    }

    private static String header(long seed, Backend backend, Script script) {
        return "seed " + seed + " on " + backend + " with " + script.deviceCount() + " devices: ";
    }

    private static String describe(List<Action> actions) {
        var out = new StringBuilder();
        for (int i = 0; i < actions.size(); i++) {
            out.append("  ").append(i + 1).append(". ").append(actions.get(i)).append('\n');
        }
        return out.toString();
    }

    /**
     * The harness's own record of each task's field values and the version each last changed at,
     * built from push results in server order: the oracle for which fields must conflict.
     */
    static final class ServerModel {
        final Map<String, Map<String, JsonNode>> values = new HashMap<>();
        final Map<String, Map<String, Long>> stamps = new HashMap<>();
        /** The device whose write set each field's current value. */
        final Map<String, Map<String, String>> writers = new HashMap<>();

        List<String> expectedConflicts(String id, long base, Map<String, Object> fields, String device) {
            var out = new ArrayList<String>();
            var v = values.get(id);
            if (v == null) return out;
            for (var e : fields.entrySet()) {
                var sent = dev.tododesktop.contract.ApiJson.mapper().<JsonNode>valueToTree(e.getValue());
                boolean ours = device.equals(writers.get(id).get(e.getKey()));
                if (stamps.get(id).get(e.getKey()) > base && !sent.equals(v.get(e.getKey())) && !ours) {
                    out.add(e.getKey());
                }
            }
            return out;
        }

        /** Learns the task's state from a first answer to {@code device}'s mutation. */
        void observe(JsonNode task, String device) {
            String id = task.get("id").asText();
            if (task.get("deleted").asBoolean()) {
                values.remove(id);
                stamps.remove(id);
                writers.remove(id);
                return;
            }
            var v = values.computeIfAbsent(id, k -> new HashMap<>());
            var st = stamps.computeIfAbsent(id, k -> new HashMap<>());
            var w = writers.computeIfAbsent(id, k -> new HashMap<>());
            for (String f : List.of("title", "description", "priority", "tags", "due_at", "completed")) {
                if (!task.get(f).equals(v.get(f))) {
                    v.put(f, task.get(f));
                    st.put(f, task.get("version").asLong());
                    w.put(f, device);
                }
            }
        }
    }

    private static void sync(Run run, Device d, boolean loseAnswer) {
        var model = run.model;
        if (!d.outbox.isEmpty()) {
            var response = d.api.push(d.outbox);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            var results = response.json().get("results");
            for (int i = 0; i < results.size(); i++) {
                var mutation = d.outbox.get(i);
                var result = results.get(i);
                String mutationId = (String) mutation.get("mutation_id");
                var first = run.firstAnswers.get(mutationId);
                if (first != null) {
                    // A resend: the first answer again, marked as a replay; nothing is applied twice.
                    assertThat(result.path("replayed").asBoolean()).as("resent %s answered as a replay: %s", mutationId, result)
                            .isTrue();
                    for (String part : List.of("mutation_id", "status", "conflicts", "error", "version")) {
                        assertThat(result.get(part)).as("%s of the replayed %s (first answer %s)", part, result, first)
                                .isEqualTo(first.get(part));
                    }
                    continue;
                }
                assertThat(result.path("replayed").asBoolean()).as("a first answer is no replay: %s", result).isFalse();
                run.firstAnswers.put(mutationId, result);
                if (mutation.get("type").equals("update")
                        && result.get("task") != null && !result.get("task").isNull() && !result.get("task").get("deleted").asBoolean()) {
                    @SuppressWarnings("unchecked")
                    var fields = (Map<String, Object>) mutation.get("fields");
                    var expected = model.expectedConflicts((String) mutation.get("task_id"), (Long) mutation.get("base_version"),
                            fields, d.name);
                    var reported = new ArrayList<String>();
                    if (result.has("conflicts")) result.get("conflicts").forEach(c -> reported.add(c.asText()));
                    assertThat(reported).as("conflicts of %s", result).containsExactlyInAnyOrderElementsOf(expected);
                }
                check(mutation, result, run.lastWrite);
                if (result.get("task") != null && !result.get("task").isNull()) {
                    model.observe(result.get("task"), d.name);
                }
            }
            if (loseAnswer) {
                // The answer never arrived: the device keeps its outbox and will resend it.
                return;
            }
            d.outbox.clear();
            d.createdOffline.clear();
        }
        pullToEnd(d);
    }

    @SuppressWarnings("unchecked")
    private static void check(Map<String, Object> mutation, JsonNode result, Map<String, JsonNode> lastWrite) {
        assertThat(result.get("mutation_id").asText()).isEqualTo(mutation.get("mutation_id"));
        String status = result.get("status").asText();
        assertThat(status).as(result.toString()).isIn("applied", "conflict");
        var task = result.get("task");
        String type = (String) mutation.get("type");
        if (type.equals("delete") || task == null || task.isNull() || task.get("deleted").asBoolean()) {
            if (!type.equals("delete")) assertThat(status).isEqualTo("conflict");
            return;
        }
        var conflicts = new ArrayList<String>();
        if (result.has("conflicts")) result.get("conflicts").forEach(c -> conflicts.add(c.asText()));
        var fields = (Map<String, Object>) mutation.getOrDefault("fields", Map.of());
        for (var e : fields.entrySet()) {
            var sent = TaskApi.json(dev.tododesktop.contract.ApiJson.mapper().valueToTree(e.getValue()).toString());
            String key = mutation.get("task_id") + ":" + e.getKey();
            if (conflicts.contains(e.getKey())) {
                // Kept the server's value; the client was told.
                continue;
            }
            assertThat(task.get(e.getKey())).as("%s applied in %s", e.getKey(), result).isEqualTo(sent);
            if (!type.equals("create") || status.equals("applied")) {
                lastWrite.put(key, sent);
            }
        }
        if (status.equals("applied")) assertThat(conflicts).isEmpty();
        else assertThat(conflicts).isNotEmpty();
    }

    private static void pullToEnd(Device d) {
        boolean more = true;
        while (more) {
            var page = d.api.pull(d.cursor, 7);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            for (var c : page.json().get("changes")) d.replica.put(c.get("id").asText(), c);
            d.cursor = page.json().get("cursor").asText();
            more = page.json().get("has_more").asBoolean();
        }
    }
}
