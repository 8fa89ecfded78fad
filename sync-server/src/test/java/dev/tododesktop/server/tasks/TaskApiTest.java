package dev.tododesktop.server.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tododesktop.server.TodoServer;
import dev.tododesktop.server.testing.Backend;
import dev.tododesktop.server.testing.Http;
import dev.tododesktop.server.testing.TaskApi;
import dev.tododesktop.server.testing.TaskServers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The six task endpoints over real HTTP, on SQLite and PostgreSQL. */
@ParameterizedClass
@EnumSource(Backend.class)
class TaskApiTest {

    @Parameter
    Backend backend;

    @TempDir
    Path dir;

    TodoServer server;
    Http http;
    TaskApi alice;
    TaskApi bob;

    @BeforeEach
    void start() {
        server = TaskServers.start(backend, dir);
        http = new Http(server.baseUri());
        alice = TaskApi.register(http);
        bob = TaskApi.register(http);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String s(int n) {
        return "x".repeat(n);
    }

    private static List<String> titles(Http.Response r) {
        return StreamSupport.stream(r.json().get("items").spliterator(), false).map(t -> t.get("title").asText()).toList();
    }

    private static void assertProblem(Http.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(r.body()).doesNotContainIgnoringCase("exception").doesNotContainIgnoringCase("sql");
    }

    @Test
    void permissionMatrix() {
        String own = alice.created("mine").get("id").asText();
        String others = bob.created("bob's").get("id").asText();
        record Call(String method, String suffix, Object body) {}
        var onTask = List.of(
                new Call("GET", "", null),
                new Call("PUT", "", Map.of("title", "taken over")),
                new Call("PATCH", "/complete", null),
                new Call("DELETE", "", null));
        for (var c : onTask) {
            // Another user's task through my own path: 404, and it stays untouched.
            assertProblem(http.send(c.method(), alice.task(others) + c.suffix(), c.body(), alice.token(), Map.of()), 404);
            // My task through another user's path: 404.
            assertProblem(http.send(c.method(), bob.task(own) + c.suffix(), c.body(), alice.token(), Map.of()), 404);
            // No token: 401.
            var anonymous = http.send(c.method(), alice.task(own) + c.suffix(), c.body(), null, Map.of());
            assertProblem(anonymous, 401);
            // A malformed id: 404.
            assertProblem(http.send(c.method(), alice.tasks() + "/not-a-uuid" + c.suffix(), c.body(), alice.token(), Map.of()), 404);
        }
        var onCollection = List.of(
                new Call("GET", "/tasks", null), new Call("POST", "/tasks", Map.of("title", "t")),
                new Call("GET", "/sync", null), new Call("POST", "/sync", Map.of("mutations", List.of())),
                new Call("GET", "/events", null));
        for (var c : onCollection) {
            assertProblem(http.send(c.method(), "/api/" + bob.userId() + c.suffix(), c.body(), alice.token(), Map.of()), 404);
            assertProblem(http.send(c.method(), "/api/not-a-uuid" + c.suffix(), c.body(), alice.token(), Map.of()), 404);
            assertProblem(http.send(c.method(), "/api/" + alice.userId() + c.suffix(), c.body(), null, Map.of()), 401);
            assertProblem(http.send(c.method(), "/api/" + alice.userId() + c.suffix(), c.body(), "garbage.token.here", Map.of()), 401);
        }
        assertThat(bob.get(others).json().get("title").asText()).isEqualTo("bob's");
        assertThat(bob.get(others).json().get("version").asLong()).isEqualTo(1);
        // Own task: every endpoint works.
        assertThat(alice.get(own).status()).isEqualTo(200);
        assertThat(alice.put(own, Map.of("title", "renamed")).status()).isEqualTo(200);
        assertThat(alice.complete(own, null).status()).isEqualTo(200);
        assertThat(alice.list("").json().get("count").asLong()).isEqualTo(1);
        assertThat(alice.delete(own).status()).isEqualTo(204);
        assertProblem(alice.get(own), 404);
        assertProblem(alice.delete(own), 404);
    }

    @Test
    void clientChosenIdsAreGlobalAndRepeatingACreateIsHarmless() {
        var id = UUID.randomUUID().toString();
        var first = alice.create(Map.of("id", id, "title", "offline"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("id").asText()).isEqualTo(id);
        var again = alice.create(Map.of("id", id, "title", "something else"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        var takeover = bob.create(Map.of("id", id, "title", "mine"));
        assertProblem(takeover, 409);
        assertThat(takeover.body()).doesNotContain("offline");
        alice.delete(id);
        assertProblem(alice.create(Map.of("id", id, "title", "again")), 409);
        assertProblem(bob.create(Map.of("id", id, "title", "again")), 409);
        assertProblem(alice.create(Map.of("id", "nope", "title", "bad id")), 400);
    }

    @Test
    void taskShapeDefaultsAndVersions() {
        var t = alice.create(Map.of("title", "  padded  ", "due_at", "2026-12-01T10:00:00Z", "tags", List.of("Home", "work"), "priority", "high")).json();
        assertThat(t.get("title").asText()).isEqualTo("padded");
        assertThat(t.get("description").asText()).isEmpty();
        assertThat(t.get("completed").asBoolean()).isFalse();
        assertThat(t.get("completed_at").isNull()).isTrue();
        assertThat(t.get("priority").asText()).isEqualTo("high");
        assertThat(t.get("due_at").asText()).isEqualTo("2026-12-01T10:00:00.000Z");
        assertThat(t.get("version").asLong()).isEqualTo(1);
        assertThat(t.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        String id = t.get("id").asText();
        var updated = alice.put(id, Map.of("description", "more")).json();
        assertThat(updated.get("version").asLong()).isEqualTo(2);
        assertThat(updated.get("title").asText()).isEqualTo("padded");
        var cleared = new HashMap<String, Object>();
        cleared.put("due_at", null);
        assertThat(alice.put(id, cleared).json().get("due_at").isNull()).isTrue();
        var same = alice.put(id, Map.of("description", "more")).json();
        assertThat(same.get("version").asLong()).as("no change, no new version").isEqualTo(3);
    }

    @Test
    void validationEdges() {
        assertThat(alice.create(Map.of("title", s(1))).status()).isEqualTo(201);
        assertThat(alice.create(Map.of("title", s(200))).status()).isEqualTo(201);
        assertProblem(alice.create(Map.of("title", "")), 422);
        assertProblem(alice.create(Map.of("title", "   ")), 422);
        assertProblem(alice.create(Map.of("title", s(201))), 422);
        assertProblem(alice.create(Map.of()), 422);
        assertThat(alice.create(Map.of("title", "d", "description", s(1000))).status()).isEqualTo(201);
        assertProblem(alice.create(Map.of("title", "d", "description", s(1001))), 422);
        var ten = IntStream.range(0, 10).mapToObj(i -> "t" + i).toList();
        var eleven = IntStream.range(0, 11).mapToObj(i -> "t" + i).toList();
        assertThat(alice.create(Map.of("title", "t", "tags", ten)).status()).isEqualTo(201);
        assertProblem(alice.create(Map.of("title", "t", "tags", eleven)), 422);
        assertThat(alice.create(Map.of("title", "t", "tags", List.of(s(30)))).status()).isEqualTo(201);
        assertProblem(alice.create(Map.of("title", "t", "tags", List.of(s(31)))), 422);
        assertProblem(alice.create(Map.of("title", "t", "tags", List.of("Work", "work"))), 422);
        assertProblem(alice.create(Map.of("title", "t", "tags", List.of(""))), 422);
        // Every failing field is listed.
        var many = alice.create(Map.of("title", s(201), "description", s(1001), "tags", eleven));
        assertProblem(many, 422);
        assertThat(many.json().get("errors").findValuesAsText("field")).contains("title", "description", "tags");
        // Unknown enum and wrong types are malformed.
        assertProblem(alice.create(Map.of("title", "t", "priority", "urgent")), 400);
        assertProblem(alice.create(Map.of("title", 5)), 400);
        assertProblem(http.send("POST", alice.tasks(), "{not json", alice.token(), Map.of()), 400);
        String id = alice.created("ok").get("id").asText();
        assertProblem(alice.put(id, Map.of("title", s(201))), 422);
        var nullTitle = new HashMap<String, Object>();
        nullTitle.put("title", null);
        assertProblem(alice.put(id, nullTitle), 422);
        assertProblem(alice.put(id, Map.of("priority", "urgent")), 400);
        assertThat(alice.get(id).json().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void hostileStringsAreStoredLiterally() {
        var hostile = List.of("'); DROP TABLE tasks; --", "100% _done_ \\ back\\slash", "emoji 🎉👩‍💻", "עברית RTL \u202Eabc",
                "<script>alert(1)</script>", "\"quoted\" and 'single'", "tab\tnew\nline");
        for (String h : hostile) {
            var created = alice.create(Map.of("title", h, "description", h, "tags", List.of(h.length() > 30 ? h.substring(0, 30) : h)));
            assertThat(created.status()).as(h).isEqualTo(201);
            var got = alice.get(created.json().get("id").asText()).json();
            assertThat(got.get("title").asText()).isEqualTo(h.strip());
            assertThat(got.get("description").asText()).isEqualTo(h);
        }
        assertThat(alice.list("").json().get("count").asLong()).isEqualTo(hostile.size());
        assertProblem(alice.create(Map.of("title", "nul\u0000char")), 422);
        // % and _ in a search are literal characters, not wildcards.
        assertThat(titles(alice.list("q=" + enc("100%")))).containsExactly("100% _done_ \\ back\\slash");
        assertThat(titles(alice.list("q=" + enc("_done_")))).hasSize(1);
        assertThat(alice.list("q=" + enc("%")).json().get("count").asLong()).isEqualTo(1);
        assertThat(alice.list("q=" + enc("\\")).json().get("count").asLong()).isEqualTo(1);
        assertThat(alice.list("q=" + enc("🎉")).json().get("count").asLong()).isEqualTo(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void listQuerySemantics() {
        var ids = new ArrayList<String>();
        ids.add(alice.create(Map.of("title", "banana", "priority", "low", "tags", List.of("Fruit"), "due_at", "2026-12-03T00:00:00Z")).json().get("id").asText());
        ids.add(alice.create(Map.of("title", "Apple", "priority", "high", "tags", List.of("fruit", "red"), "description", "Crunchy KEYWORD")).json().get("id").asText());
        ids.add(alice.create(Map.of("title", "cherry", "priority", "medium", "due_at", "2026-12-01T00:00:00Z")).json().get("id").asText());
        ids.add(alice.create(Map.of("title", "date", "due_at", "2026-12-02T00:00:00Z")).json().get("id").asText());
        alice.complete(ids.get(2), Map.of("completed", true));
        bob.created("bob's apple");

        assertThat(titles(alice.list(""))).containsExactly("banana", "Apple", "cherry", "date");
        assertThat(titles(alice.list("order=desc"))).containsExactly("date", "cherry", "Apple", "banana");
        assertThat(titles(alice.list("status=completed"))).containsExactly("cherry");
        assertThat(titles(alice.list("status=pending"))).containsExactly("banana", "Apple", "date");
        assertThat(titles(alice.list("q=APPLE"))).containsExactly("Apple");
        assertThat(titles(alice.list("q=keyword"))).containsExactly("Apple");
        assertThat(titles(alice.list("tag=FRUIT"))).containsExactly("banana", "Apple");
        assertThat(titles(alice.list("tag=red"))).containsExactly("Apple");
        assertThat(titles(alice.list("priority=high"))).containsExactly("Apple");
        assertThat(titles(alice.list("sort=title"))).containsExactly("Apple", "banana", "cherry", "date");
        assertThat(titles(alice.list("sort=title&order=desc"))).containsExactly("date", "cherry", "banana", "Apple");
        assertThat(titles(alice.list("sort=due_date"))).containsExactly("cherry", "date", "banana", "Apple");
        assertThat(titles(alice.list("sort=due_date&order=desc"))).containsExactly("banana", "date", "cherry", "Apple");
        assertThat(titles(alice.list("sort=priority&order=desc"))).containsExactly("Apple", "cherry", "banana", "date");
        alice.put(ids.get(0), Map.of("description", "touched"));
        assertThat(titles(alice.list("sort=updated&order=desc")).getFirst()).isEqualTo("banana");
        var page = alice.list("sort=title&limit=2&offset=1");
        assertThat(titles(page)).containsExactly("banana", "cherry");
        assertThat(page.json().get("count").asLong()).isEqualTo(4);
        assertThat(alice.list("offset=10").json().get("items").size()).isZero();
        assertThat(alice.list("offset=10").json().get("count").asLong()).as("a page past the end still counts").isEqualTo(4);
        assertThat(alice.list("q=keyword&limit=1").json().get("count").asLong()).as("counted after filtering").isEqualTo(1);
        assertThat(alice.list("limit=1").json().get("count").asLong()).as("counted before paging").isEqualTo(4);
        assertThat(alice.list("limit=500").status()).isEqualTo(200);
        assertProblem(alice.list("limit=501"), 422);
        assertProblem(alice.list("limit=0"), 422);
        assertProblem(alice.list("offset=-1"), 422);
        assertProblem(alice.list("limit=ten"), 400);
        assertProblem(alice.list("sort=size"), 400);
        assertProblem(alice.list("order=up"), 400);
        assertProblem(alice.list("status=done"), 400);
        assertProblem(alice.list("priority=urgent"), 400);
    }

    @Test
    void defaultPageIsOneHundred() {
        var mutations = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 120; i++) {
            mutations.add(TaskApi.mutation(UUID.randomUUID(), "create", UUID.randomUUID(), null, Map.of("title", "t" + i)));
        }
        assertThat(alice.push(mutations).status()).isEqualTo(200);
        var page = alice.list("");
        assertThat(page.json().get("items").size()).isEqualTo(100);
        assertThat(page.json().get("count").asLong()).isEqualTo(120);
    }

    @Test
    void ifMatchGuardsAgainstStaleWrites() {
        String id = alice.created("v1").get("id").asText();
        var ok = http.send("PUT", alice.task(id), Map.of("title", "v2"), alice.token(), Map.of("If-Match", "\"1\""));
        assertThat(ok.status()).isEqualTo(200);
        var stale = http.send("PUT", alice.task(id), Map.of("title", "lost?"), alice.token(), Map.of("If-Match", "\"1\""));
        assertProblem(stale, 412);
        assertThat(alice.get(id).json().get("title").asText()).isEqualTo("v2");
        assertProblem(http.send("PUT", alice.task(id), Map.of("title", "x"), alice.token(), Map.of("If-Match", "\"abc\"")), 400);
        assertThat(http.send("PUT", alice.task(id), Map.of("title", "v3"), alice.token(), Map.of("If-Match", "\"2\"")).status()).isEqualTo(200);
    }

    @Test
    void completeTogglesWithoutBodyAndSetsWithOne() {
        String id = alice.created("chore").get("id").asText();
        JsonNode on = alice.complete(id, null).json();
        assertThat(on.get("completed").asBoolean()).isTrue();
        assertThat(on.get("completed_at").isNull()).isFalse();
        JsonNode off = alice.complete(id, null).json();
        assertThat(off.get("completed").asBoolean()).isFalse();
        assertThat(off.get("completed_at").isNull()).isTrue();
        var set1 = alice.complete(id, Map.of("completed", true)).json();
        var set2 = alice.complete(id, Map.of("completed", true)).json();
        assertThat(set2.get("completed").asBoolean()).isTrue();
        assertThat(set2.get("version").asLong()).as("a replayed set changes nothing").isEqualTo(set1.get("version").asLong());
        assertThat(set2.get("completed_at")).isEqualTo(set1.get("completed_at"));
        assertProblem(alice.complete(id, Map.of("completed", "yes")), 400);
        assertProblem(alice.complete(id, Map.of()), 422);
    }
}
