package dev.tododesktop.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tododesktop.server.TodoServer;
import dev.tododesktop.server.testing.Backend;
import dev.tododesktop.server.testing.Http;
import dev.tododesktop.server.testing.TaskApi;
import dev.tododesktop.server.testing.TaskServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Two or three devices of one user edit offline in random interleavings (creates, field edits,
 * completes, deletes, syncs, syncs whose answer is lost and resent). Afterwards every device,
 * synced to the end, holds exactly the server's tasks, and no applied edit was lost: each
 * field's final value is the one the last applied write gave it, and every write not applied was
 * reported as a conflict.
 */
class SyncConvergencePropertiesTest {

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

    @AfterContainer
    static void stopServers() {
        servers.values().forEach(TodoServer::close);
        servers.clear();
    }

    sealed interface Action {}

    record Create(int device, int seed) implements Action {}

    record Edit(int device, int task, String field, int seed) implements Action {}

    record Complete(int device, int task, boolean completed) implements Action {}

    record Delete(int device, int task) implements Action {}

    record Sync(int device, boolean loseAnswer) implements Action {}

    private static final List<String> FIELDS = List.of("title", "description", "priority", "tags", "due_at");

    @Provide
    Arbitrary<List<Action>> scripts() {
        var device = Arbitraries.integers().between(0, 2);
        var task = Arbitraries.integers().between(0, 50);
        var seed = Arbitraries.integers().between(0, 5);
        Arbitrary<Action> create = Combinators.combine(device, seed).as(Create::new);
        Arbitrary<Action> edit = Combinators.combine(device, task, Arbitraries.of(FIELDS), seed).as(Edit::new);
        Arbitrary<Action> complete = Combinators.combine(device, task, Arbitraries.of(true, false)).as(Complete::new);
        Arbitrary<Action> delete = Combinators.combine(device, task).as(Delete::new);
        Arbitrary<Action> sync = Combinators.combine(device, Arbitraries.of(false, false, false, true)).as(Sync::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, create), net.jqwik.api.Tuple.of(6, edit), net.jqwik.api.Tuple.of(2, complete),
                net.jqwik.api.Tuple.of(1, delete), net.jqwik.api.Tuple.of(4, sync))
                .list().ofMinSize(5).ofMaxSize(35);
    }

    /** One device: its replica as of its last pull, its cursor, its unsent edits and ids it created offline. */
    static final class Device {
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

    private static Object value(String field, int seed) {
        return switch (field) {
            case "title" -> "title " + seed;
            case "description" -> "description " + seed;
            case "priority" -> List.of("none", "low", "medium", "high").get(seed % 4);
            case "tags" -> seed % 3 == 0 ? List.of() : List.of("tag" + seed, "x" + (seed % 2));
            case "due_at" -> seed % 3 == 0 ? null : "2027-01-0" + (seed + 1) + "T00:00:00.000Z";
            default -> throw new IllegalArgumentException(field);
        };
    }

    @Property(tries = 16)
    void devicesConvergeAndNoEditIsLost(@ForAll Backend backend, @ForAll("scripts") List<Action> script,
                                        @ForAll("deviceCounts") int deviceCount) {
        var http = new Http(server(backend).baseUri());
        var api = TaskApi.register(http);
        var devices = new ArrayList<Device>();
        for (int i = 0; i < deviceCount; i++) devices.add(new Device());
        // (task id, field) -> the value the last applied write gave it, in server order.
        var lastWrite = new HashMap<String, JsonNode>();
        var model = new ServerModel();

        for (Action action : script) {
            switch (action) {
                case Create c -> {
                    var d = devices.get(c.device() % deviceCount);
                    String id = UUID.randomUUID().toString();
                    d.createdOffline.add(id);
                    d.outbox.add(TaskApi.mutation(UUID.randomUUID(), "create", id, null, Map.of("title", "new " + c.seed())));
                }
                case Edit e -> {
                    var d = devices.get(e.device() % deviceCount);
                    var known = d.known();
                    if (known.isEmpty()) continue;
                    String id = known.get(e.task() % known.size());
                    var fields = new LinkedHashMap<String, Object>();
                    fields.put(e.field(), value(e.field(), e.seed()));
                    d.outbox.add(TaskApi.mutation(UUID.randomUUID(), "update", id, d.base(id), fields));
                }
                case Complete c -> {
                    var d = devices.get(c.device() % deviceCount);
                    var known = d.known();
                    if (known.isEmpty()) continue;
                    String id = known.get(c.task() % known.size());
                    d.outbox.add(TaskApi.mutation(UUID.randomUUID(), "set_completed", id, null, Map.of("completed", c.completed())));
                }
                case Delete del -> {
                    var d = devices.get(del.device() % deviceCount);
                    var known = d.known();
                    if (known.isEmpty()) continue;
                    String id = known.get(del.task() % known.size());
                    d.outbox.add(TaskApi.mutation(UUID.randomUUID(), "delete", id, null, null));
                }
                case Sync s -> sync(api, devices.get(s.device() % deviceCount), lastWrite, model, s.loseAnswer());
            }
        }
        // Everyone sends what is left, then everyone pulls what the others sent.
        for (var d : devices) sync(api, d, lastWrite, model, false);
        for (var d : devices) pullToEnd(api, d);

        var server = new TreeMap<String, JsonNode>();
        for (var t : api.list("limit=500").json().get("items")) server.put(t.get("id").asText(), t);
        for (var d : devices) {
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
        lastWrite.forEach((key, expected) -> {
            String id = key.substring(0, 36);
            String field = key.substring(37);
            var task = server.get(id);
            if (task != null) {
                assertThat(task.get(field)).as("last applied %s of %s", field, id).isEqualTo(expected);
            }
        });
    }

    @Provide
    Arbitrary<Integer> deviceCounts() {
        return Arbitraries.integers().between(2, 3);
    }

    /**
     * The harness's own record of each task's field values and the version each last changed at,
     * built from push results in server order: the oracle for which fields must conflict.
     */
    static final class ServerModel {
        final Map<String, Map<String, JsonNode>> values = new HashMap<>();
        final Map<String, Map<String, Long>> stamps = new HashMap<>();

        List<String> expectedConflicts(String id, long base, Map<String, Object> fields, Map<String, java.util.Set<String>> writtenThisPush) {
            var out = new ArrayList<String>();
            var v = values.get(id);
            if (v == null) return out;
            for (var e : fields.entrySet()) {
                var sent = dev.tododesktop.contract.ApiJson.mapper().<JsonNode>valueToTree(e.getValue());
                boolean ours = writtenThisPush.getOrDefault(id, java.util.Set.of()).contains(e.getKey());
                if (stamps.get(id).get(e.getKey()) > base && !sent.equals(v.get(e.getKey())) && !ours) {
                    out.add(e.getKey());
                }
            }
            return out;
        }

        /** Learns the task's state from a result; returns the fields that changed. */
        List<String> observe(JsonNode task) {
            String id = task.get("id").asText();
            var changed = new ArrayList<String>();
            if (task.get("deleted").asBoolean()) {
                values.remove(id);
                stamps.remove(id);
                return changed;
            }
            var v = values.computeIfAbsent(id, k -> new HashMap<>());
            var st = stamps.computeIfAbsent(id, k -> new HashMap<>());
            for (String f : List.of("title", "description", "priority", "tags", "due_at", "completed")) {
                if (!task.get(f).equals(v.get(f))) {
                    v.put(f, task.get(f));
                    st.put(f, task.get("version").asLong());
                    changed.add(f);
                }
            }
            return changed;
        }
    }

    private static void sync(TaskApi api, Device d, Map<String, JsonNode> lastWrite, ServerModel model, boolean loseAnswer) {
        if (!d.outbox.isEmpty()) {
            var response = api.push(d.outbox);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            var results = response.json().get("results");
            var writtenThisPush = new HashMap<String, java.util.Set<String>>();
            for (int i = 0; i < results.size(); i++) {
                var mutation = d.outbox.get(i);
                var result = results.get(i);
                if (mutation.get("type").equals("update") && !result.get("status").asText().equals("duplicate")
                        && result.get("task") != null && !result.get("task").isNull() && !result.get("task").get("deleted").asBoolean()) {
                    @SuppressWarnings("unchecked")
                    var fields = (Map<String, Object>) mutation.get("fields");
                    var expected = model.expectedConflicts((String) mutation.get("task_id"), (Long) mutation.get("base_version"),
                            fields, writtenThisPush);
                    var reported = new ArrayList<String>();
                    if (result.has("conflicts")) result.get("conflicts").forEach(c -> reported.add(c.asText()));
                    assertThat(reported).as("conflicts of %s", result).containsExactlyInAnyOrderElementsOf(expected);
                }
                check(mutation, result, lastWrite);
                if (!result.get("status").asText().equals("duplicate") && result.get("task") != null && !result.get("task").isNull()) {
                    var changed = model.observe(result.get("task"));
                    if (mutation.get("type").equals("update")) {
                        writtenThisPush.computeIfAbsent((String) mutation.get("task_id"), k -> new java.util.HashSet<>()).addAll(changed);
                    }
                }
            }
            if (loseAnswer) {
                // The answer never arrived: the device keeps its outbox and will resend it.
                return;
            }
            d.outbox.clear();
            d.createdOffline.clear();
        }
        pullToEnd(api, d);
    }

    @SuppressWarnings("unchecked")
    private static void check(Map<String, Object> mutation, JsonNode result, Map<String, JsonNode> lastWrite) {
        assertThat(result.get("mutation_id").asText()).isEqualTo(mutation.get("mutation_id"));
        String status = result.get("status").asText();
        assertThat(status).as(result.toString()).isIn("applied", "conflict", "duplicate");
        if (status.equals("duplicate")) return;
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

    private static void pullToEnd(TaskApi api, Device d) {
        boolean more = true;
        while (more) {
            var page = api.pull(d.cursor, 7);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            for (var c : page.json().get("changes")) d.replica.put(c.get("id").asText(), c);
            d.cursor = page.json().get("cursor").asText();
            more = page.json().get("has_more").asBoolean();
        }
    }
}
