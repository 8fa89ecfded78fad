package dev.tododesktop.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tododesktop.server.TodoServer;
import dev.tododesktop.server.testing.Backend;
import dev.tododesktop.server.testing.Http;
import dev.tododesktop.server.testing.SseListener;
import dev.tododesktop.server.testing.TaskApi;
import dev.tododesktop.server.testing.TaskServers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Sync pull/push and live events over real HTTP, on SQLite and PostgreSQL. */
@ParameterizedClass
@EnumSource(Backend.class)
class SyncApiTest {

    @Parameter
    Backend backend;

    @TempDir
    Path dir;

    TodoServer server;
    Http http;
    TaskApi alice;

    @BeforeEach
    void start() {
        server = TaskServers.start(backend, dir);
        http = new Http(server.baseUri());
        alice = TaskApi.register(http);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Map<String, Object> m(String type, Object taskId, Long base, Map<String, ?> fields) {
        return TaskApi.mutation(UUID.randomUUID(), type, taskId, base, fields);
    }

    private JsonNode pushOk(List<Map<String, Object>> mutations) {
        var r = alice.push(mutations);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void pullingToTheEndReplicatesTheListExactly() {
        var ids = new ArrayList<String>();
        for (int i = 0; i < 30; i++) {
            ids.add(alice.created("t" + i).get("id").asText());
        }
        alice.put(ids.get(0), Map.of("title", "changed last"));
        alice.delete(ids.get(5));
        alice.complete(ids.get(9), null);
        var replica = new HashMap<String, JsonNode>();
        String cursor = null;
        int pages = 0;
        boolean more = true;
        while (more) {
            var page = alice.pull(cursor, 7);
            assertThat(page.status()).isEqualTo(200);
            for (var c : page.json().get("changes")) {
                assertThat(replica.put(c.get("id").asText(), c)).as("each task once").isNull();
            }
            cursor = page.json().get("cursor").asText();
            more = page.json().get("has_more").asBoolean();
            pages++;
        }
        assertThat(pages).isEqualTo(5);
        assertThat(replica).hasSize(30);
        var tomb = replica.get(ids.get(5));
        assertThat(tomb.get("deleted").asBoolean()).isTrue();
        assertThat(tomb.get("version").asLong()).isEqualTo(2);
        var list = alice.list("limit=500").json().get("items");
        assertThat(list.size()).isEqualTo(29);
        for (var t : list) {
            var r = replica.get(t.get("id").asText()).deepCopy();
            assertThat(((com.fasterxml.jackson.databind.node.ObjectNode) r).remove("deleted").asBoolean()).isFalse();
            assertThat(r).isEqualTo(t);
        }
        // The last page's cursor gives an empty, cheap delta; a later change shows up alone.
        var empty = alice.pull(cursor, 100).json();
        assertThat(empty.get("changes").size()).isZero();
        assertThat(empty.get("cursor").asText()).isEqualTo(cursor);
        assertThat(empty.get("has_more").asBoolean()).isFalse();
        alice.put(ids.get(3), Map.of("description", "new"));
        var delta = alice.pull(cursor, 100).json().get("changes");
        assertThat(delta.size()).isEqualTo(1);
        assertThat(delta.get(0).get("id").asText()).isEqualTo(ids.get(3));
    }

    @Test
    void badCursorsAndLimitsAreRefused() {
        assertThat(alice.pull("not-a-cursor", 10).status()).isEqualTo(400);
        assertThat(alice.pull("%25%25", 10).status()).isEqualTo(400);
        assertThat(alice.pull("YWJj", 10).status()).isEqualTo(400);
        assertThat(alice.pull("YzE6LTE", 10).status()).as("c1:-1").isEqualTo(400);
        assertThat(http.get(alice.sync() + "?limit=abc", alice.token()).status()).isEqualTo(400);
        assertThat(http.get(alice.sync() + "?limit=0", alice.token()).status()).isEqualTo(422);
        var tooMany = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 501; i++) {
            tooMany.add(m("delete", UUID.randomUUID(), null, null));
        }
        var r = alice.push(tooMany);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("mutations");
        assertThat(alice.push(tooMany.subList(0, 500)).status()).isEqualTo(200);
        // An unknown type makes that one mutation invalid; the push itself is fine.
        var unknownType = alice.push(List.of(Map.of("mutation_id", UUID.randomUUID().toString(), "type", "explode",
                "task_id", UUID.randomUUID().toString())));
        assertThat(unknownType.status()).isEqualTo(200);
        assertThat(unknownType.json().at("/results/0/status").asText()).isEqualTo("invalid");
        assertThat(unknownType.json().at("/results/0/error/errors/0/field").asText()).isEqualTo("type");
        assertThat(http.post(alice.sync(), "{\"mutations\": 5}", alice.token()).status()).isEqualTo(400);
    }

    @Test
    void pushAnswersEveryStatusInOrder() {
        var bob = TaskApi.register(http);
        String bobs = bob.created("bob's").get("id").asText();
        var id = UUID.randomUUID();
        var gone = UUID.randomUUID();
        var create = m("create", id, null, Map.of("title", "offline", "tags", List.of("a")));
        var firstBatch = List.of(
                create,
                m("update", id, 1L, Map.of("description", "d")),
                m("create", gone, null, Map.of("title", "to delete")),
                m("delete", gone, null, null),
                m("update", gone, 1L, Map.of("title", "edit after delete")),
                m("set_completed", gone, null, Map.of("completed", true)),
                m("update", UUID.randomUUID(), 1L, Map.of("title", "unknown")),
                m("create", bobs, null, Map.of("title", "takeover")),
                m("update", id, null, Map.of("title", "no base")),
                m("create", UUID.randomUUID(), null, Map.of("title", "")),
                m("update", bobs, 1L, Map.of("title", "bob's, via alice")),
                m("delete", bobs, null, null),
                m("set_completed", id, 0L, Map.of("completed", true)));
        var first = pushOk(firstBatch);
        var results = first.get("results");
        var statuses = new ArrayList<String>();
        results.forEach(r -> statuses.add(r.get("status").asText()));
        assertThat(statuses).containsExactly("applied", "applied", "applied", "applied", "conflict", "conflict",
                "invalid", "invalid", "invalid", "invalid", "invalid", "applied", "applied");
        for (int i = 0; i < statuses.size(); i++) {
            assertThat(results.get(i).get("mutation_id").asText()).isEqualTo(first.get("results").get(i).get("mutation_id").asText());
        }
        assertThat(results.get(4).get("task").get("deleted").asBoolean()).isTrue();
        assertThat(results.get(4).get("conflicts").get(0).asText()).isEqualTo("title");
        assertThat(results.get(6).get("error").get("status").asInt()).isEqualTo(404);
        assertThat(results.get(7).get("error").get("status").asInt()).isEqualTo(409);
        assertThat(results.get(7).has("task") && !results.get(7).get("task").isNull()).isFalse();
        assertThat(results.get(8).get("error").get("status").asInt()).isEqualTo(422);
        assertThat(results.get(9).get("error").get("errors").get(0).get("field").asText()).isEqualTo("title");
        assertThat(results.get(10).get("error").get("status").asInt()).isEqualTo(404);
        assertThat(results.get(11).get("task").isNull()).as("another user's task is unknown here").isTrue();
        assertThat(results.get(12).get("task").get("completed").asBoolean()).isTrue();
        assertThat(bob.get(bobs).json().get("title").asText()).isEqualTo("bob's");

        // Creating an id this user holds: equal fields are applied-unchanged, different ones a conflict.
        var same = pushOk(List.of(m("create", id, null, Map.of("title", "offline", "tags", List.of("a"))))).get("results").get(0);
        assertThat(same.get("status").asText()).isEqualTo("applied");
        var differs = pushOk(List.of(m("create", id, null, Map.of("title", "other", "tags", List.of("a"))))).get("results").get(0);
        assertThat(differs.get("status").asText()).isEqualTo("conflict");
        assertThat(differs.get("conflicts").get(0).asText()).isEqualTo("title");
        assertThat(differs.get("task").get("title").asText()).isEqualTo("offline");

        // A batch whose answer was lost is resent: every mutation gets its first answer again,
        // marked as a replay (errors included), with the task as it is now; nothing changes.
        long version = alice.get(id).json().get("version").asLong();
        var resent = alice.push(List.of(create)).json().get("results").get(0);
        assertThat(resent.get("status").asText()).isEqualTo("applied");
        assertThat(resent.get("replayed").asBoolean()).isTrue();
        assertThat(resent.get("version").asLong()).as("the version the create produced").isEqualTo(1);
        assertThat(resent.get("task").get("version").asLong()).isEqualTo(version);
        assertThat(alice.get(id).json().get("version").asLong()).isEqualTo(version);
        var again = pushOk(firstBatch).get("results");
        for (int i = 0; i < results.size(); i++) {
            var was = results.get(i);
            var now = again.get(i);
            assertThat(now.get("replayed").asBoolean()).as("replayed %s", now).isTrue();
            assertThat(was.has("replayed")).as("a first answer is not marked").isFalse();
            for (String part : List.of("mutation_id", "status", "conflicts", "error", "version")) {
                assertThat(now.get(part)).as("%s of %s", part, now).isEqualTo(was.get(part));
            }
        }
        assertThat(alice.get(id).json().get("version").asLong()).isEqualTo(version);
    }

    @Test
    void anAnswerIsKeptUntilItsDeviceAcknowledgesIt() {
        var id = UUID.randomUUID();
        var create = m("create", id, null, Map.of("title", "kept"));
        pushOk(List.of(create));
        pushOk(List.of(m("create", UUID.randomUUID(), null, Map.of("title", "unrelated"))));
        assertThat(pushOk(List.of(create)).get("results").get(0).get("replayed").asBoolean()).isTrue();

        var ack = new HashMap<String, Object>();
        ack.put("mutations", List.of());
        ack.put("acknowledged", List.of(create.get("mutation_id")));
        var r = http.post(alice.sync(), dev.tododesktop.contract.ApiJson.mapper().valueToTree(ack).toString(), alice.token());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        // Acknowledged: forgotten. (A device never resends what it acknowledged; this shows it is gone.)
        var after = pushOk(List.of(create)).get("results").get(0);
        assertThat(after.has("replayed")).isFalse();
        assertThat(after.get("status").asText()).isEqualTo("applied");
    }

    @Test
    void aDevicesLaterEditOfAFieldItWroteItselfIsNeverAConflictButAnotherDevicesWriteIs() {
        String id = alice.created("base").get("id").asText();
        var phone = alice.secondDevice();
        var laptop = alice.secondDevice();
        // The laptop renames (v2), the phone sets the priority (v3); the laptop, still on base 1, renames again.
        assertThat(laptop.push(List.of(m("update", id, 1L, Map.of("title", "one")))).json().get("results").get(0)
                .get("status").asText()).isEqualTo("applied");
        assertThat(phone.push(List.of(m("update", id, 1L, Map.of("priority", "high")))).json().get("results").get(0)
                .get("status").asText()).isEqualTo("applied");
        var again = laptop.push(List.of(m("update", id, 1L, Map.of("title", "two")))).json().get("results").get(0);
        assertThat(again.get("status").asText()).as(again.toString()).isEqualTo("applied");
        // The phone, also on base 1, renames: the laptop wrote the title since, so that is a conflict.
        var phones = phone.push(List.of(m("update", id, 1L, Map.of("title", "three", "priority", "low")))).json()
                .get("results").get(0);
        assertThat(phones.get("status").asText()).isEqualTo("conflict");
        assertThat(phones.get("conflicts")).hasSize(1);
        assertThat(phones.get("conflicts").get(0).asText()).isEqualTo("title");
        var task = alice.get(id).json();
        assertThat(task.get("title").asText()).isEqualTo("two");
        assertThat(task.get("priority").asText()).isEqualTo("low");
    }

    @Test
    void concurrentEditsMergeFieldByField() {
        String id = alice.created("base").get("id").asText();
        var a = pushOk(List.of(m("update", id, 1L, Map.of("title", "A title", "priority", "high")))).get("results").get(0);
        assertThat(a.get("status").asText()).isEqualTo("applied");
        var due = new HashMap<String, Object>();
        due.put("title", "B title");
        due.put("due_at", "2027-01-01T00:00:00Z");
        var b = alice.secondDevice().push(List.of(m("update", id, 1L, due))).json().get("results").get(0);
        assertThat(b.get("status").asText()).isEqualTo("conflict");
        assertThat(b.get("conflicts")).hasSize(1);
        assertThat(b.get("conflicts").get(0).asText()).isEqualTo("title");
        var task = alice.get(id).json();
        assertThat(task.get("title").asText()).isEqualTo("A title");
        assertThat(task.get("priority").asText()).isEqualTo("high");
        assertThat(task.get("due_at").asText()).isEqualTo("2027-01-01T00:00:00.000Z");
        // A device that edits one field twice offline sends both on the same base: no self-conflict.
        var twice = pushOk(List.of(
                m("update", id, 3L, Map.of("description", "first")),
                m("update", id, 3L, Map.of("description", "second")))).get("results");
        assertThat(twice.get(1).get("status").asText()).isEqualTo("applied");
        assertThat(alice.get(id).json().get("description").asText()).isEqualTo("second");
    }

    @Test
    void eventsAnnounceChangesWithinASecondAndEndWithTheSession() throws Exception {
        var second = alice.secondDevice();
        try (var events = SseListener.open(server.baseUri(), alice.events(), second.token())) {
            assertThat(events.status()).isEqualTo(200);
            var ready = events.next(Duration.ofSeconds(5));
            assertThat(ready.name()).isEqualTo("ready");
            String readyCursor = TaskApi.json(ready.data()).get("cursor").asText();
            assertThat(readyCursor).isEqualTo(alice.pull(null, 10).json().get("cursor").asText());

            long start = System.nanoTime();
            alice.created("ping");
            var changed = events.next(Duration.ofSeconds(1));
            assertThat(changed).as("changed within 1 s").isNotNull();
            assertThat(changed.name()).isEqualTo("changed");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            String cursor = TaskApi.json(changed.data()).get("cursor").asText();
            var delta = alice.pull(readyCursor, 10).json();
            assertThat(delta.get("changes").size()).isEqualTo(1);
            assertThat(delta.get("cursor").asText()).isEqualTo(cursor);

            // Another user's change says nothing here.
            TaskApi.register(http).created("elsewhere");
            assertThat(events.next(Duration.ofMillis(500))).isNull();

            // Logging out the stream's session ends the stream.
            assertThat(http.send("POST", "/api/auth/logout", null, second.token(), Map.of()).status()).isEqualTo(204);
            var end = events.next(Duration.ofSeconds(12));
            assertThat(end).isNotNull();
            assertThat(end.name()).isEqualTo("EOF");
        }
    }

    @Test
    void aUsersEleventhStreamClosesTheOldest() throws Exception {
        var streams = new ArrayList<SseListener>();
        try {
            for (int i = 0; i < 11; i++) {
                var stream = SseListener.open(server.baseUri(), alice.events(), alice.token());
                assertThat(stream.next(Duration.ofSeconds(5)).name()).isEqualTo("ready");
                streams.add(stream);
            }
            var first = streams.getFirst().next(Duration.ofSeconds(5));
            assertThat(first).isNotNull();
            assertThat(first.name()).isEqualTo("EOF");
            alice.created("still heard");
            for (var stream : streams.subList(1, 11)) {
                var changed = stream.next(Duration.ofSeconds(2));
                assertThat(changed).isNotNull();
                assertThat(changed.name()).isEqualTo("changed");
            }
        } finally {
            streams.forEach(SseListener::close);
        }
    }
}
