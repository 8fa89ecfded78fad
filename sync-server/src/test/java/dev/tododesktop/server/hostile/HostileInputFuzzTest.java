package dev.tododesktop.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tododesktop.contract.ApiJson;
import dev.tododesktop.server.TodoServer;
import dev.tododesktop.server.config.PasswordHashing;
import dev.tododesktop.server.hostile.HostileRequests.Case;
import dev.tododesktop.server.hostile.HostileRequests.Expect;
import dev.tododesktop.server.tasks.UserWrites;
import dev.tododesktop.server.testing.Accounts;
import dev.tododesktop.server.testing.Backend;
import dev.tododesktop.server.testing.Http;
import dev.tododesktop.server.testing.TestServer;
import dev.tododesktop.testing.RandomInputs;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A seeded, structure-aware fuzz test of the whole HTTP surface, against the real server on
 * loopback on each database. {@link HostileRequests} builds valid requests for real endpoints
 * and breaks them in one of the ways of {@link Kind}; every answer must be no 5xx, a
 * problem+json 4xx where the input is refused (and then nothing of the caller's changed),
 * within {@link #PER_REQUEST}; the victim account, whose ids the attacker uses but whose token
 * it never holds, must end exactly as it began. Every kind is generated in every run.
 *
 * <p>Replay or widen a run with {@code -Dtodo.fuzz.seed=N} and {@code -Dtodo.fuzz.cases=N};
 * a failure names the seed of each failing case.
 */
@ParameterizedClass
@EnumSource(Backend.class)
class HostileInputFuzzTest {

    private static final long SEED = Long.getLong("todo.fuzz.seed", 12L);
    private static final int CASES = Integer.getInteger("todo.fuzz.cases", 660);
    private static final Duration PER_REQUEST = Duration.ofSeconds(5);
    private static final String ALLOWED_ORIGIN = "https://app.example.test";
    /** What no error body may show: server software, stack frames, SQL, class names. */
    private static final Pattern LEAK = Pattern.compile(
            "(?i)jetty|javalin|exception|\\bat (dev|org|com|java)\\.|sqlite|postgres|select |insert |jackson|java\\.|<html");

    @Parameter
    Backend backend;

    @TempDir
    Path dir;

    private TodoServer server;
    private Http http;
    private HostileRequests.World world;
    private String victimToken;

    @BeforeEach
    void start() {
        server = TestServer.start(backend, dir,
                c -> c.withPasswordHashing(PasswordHashing.forTestsOnly()).withCorsOrigins(List.of(ALLOWED_ORIGIN)), Clock.systemUTC());
        http = new Http(server.baseUri());
        var victim = Accounts.register(http);
        victimToken = victim.accessToken();
        var victimTasks = new ArrayList<UUID>();
        for (int i = 0; i < 4; i++) {
            var r = http.post("/api/" + victim.userId() + "/tasks", Map.of("title", "victim's task " + i, "tags", List.of("private"),
                    "due_at", "2027-01-0" + (i + 1) + "T09:00:00.000Z"), victimToken);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            victimTasks.add(UUID.fromString(r.json().get("id").asText()));
        }
        var attacker = Accounts.register(http);
        var pinned = new ArrayList<UUID>();
        for (int i = 0; i < 4; i++) {
            var r = http.post("/api/" + attacker.userId() + "/tasks", Map.of("title", "attacker's task " + i), attacker.accessToken());
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            pinned.add(UUID.fromString(r.json().get("id").asText()));
        }
        world = new HostileRequests.World(server.port(), attacker.userId(), attacker.accessToken(), attacker.email(),
                victim.userId(), List.copyOf(victimTasks), List.copyOf(pinned), ALLOWED_ORIGIN);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    record Failure(Case c, String reason, String answer) {}

    @Test
    void hostileRequestsAreRefusedCleanlyAndChangeNothingTheyShouldNot() {
        var victimBefore = victimSnapshot();
        var generator = new HostileRequests(world);
        var kinds = Kind.values();
        var generated = new EnumMap<Kind, Integer>(Kind.class);
        var failures = new ArrayList<Failure>();
        long started = System.nanoTime();
        long slowest = 0;
        int requests = 0;
        for (int i = 0; i < CASES; i++) {
            Kind kind = kinds[i % kinds.length];
            long seed = SEED * 1_000_003L + i;
            Case c = generator.generate(kind, seed, RandomInputs.forSeed(seed));
            generated.merge(kind, 1, Integer::sum);
            var attackerBefore = seq(world.attacker());
            var victimSeqBefore = seq(world.victim());
            RawHttp.Reply reply;
            try {
                reply = RawHttp.send(world.port(), c.request(), PER_REQUEST);
                requests++;
            } catch (RawHttp.NoAnswer e) {
                failures.add(new Failure(c, "no answer: " + e.getMessage(), ""));
                continue;
            }
            slowest = Math.max(slowest, reply.nanos());
            String problem = check(c, reply);
            if (problem == null && c.expect() instanceof Expect.LikeGet(var get)) {
                var getReply = RawHttp.send(world.port(), get, PER_REQUEST);
                requests++;
                problem = sameAsGet(reply, getReply);
            }
            if (problem == null && c.expect() instanceof Expect.Refused && seq(world.attacker()) != attackerBefore) {
                problem = "refused with " + reply.status() + " but the attacker's data changed (sequence " + attackerBefore + " -> "
                        + seq(world.attacker()) + ")";
            }
            if (problem == null && seq(world.victim()) != victimSeqBefore) {
                problem = "the victim's data changed";
            }
            if (problem != null) {
                failures.add(new Failure(c, problem, summary(reply)));
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf(Locale.ROOT, "Hostile-input fuzz on %s: %d cases, %d requests in %.1f s (slowest %d ms), seed %d, %d failures%n",
                backend, CASES, requests, took.toMillis() / 1000.0, slowest / 1_000_000, SEED, failures.size());

        assertThat(generated.keySet()).as("every kind is generated").containsExactlyInAnyOrder(kinds);
        if (!failures.isEmpty()) {
            fail(report(failures));
        }
        assertThat(victimSnapshot()).as("the victim's tasks, sync cursor and account after the run").isEqualTo(victimBefore);
    }

    /** Null when the answer is what the case allows, else why not. */
    private static String check(Case c, RawHttp.Reply reply) {
        int status = reply.status();
        if (status >= 500) {
            return "answered " + status;
        }
        if (reply.elapsed().compareTo(PER_REQUEST) > 0) {
            return "took " + reply.elapsed().toMillis() + " ms";
        }
        boolean head = c.request().method().equals("HEAD");
        if (status >= 400) {
            String type = reply.header("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                return status + " with Content-Type '" + type + "', not application/problem+json";
            }
            if (!head) {
                String body = reply.text();
                JsonNode json;
                try {
                    json = ApiJson.mapper().readTree(body);
                } catch (IOException e) {
                    return status + " with a body that is not JSON";
                }
                if (json == null || !json.path("type").isTextual() || !json.path("title").isTextual() || !json.path("detail").isTextual()
                        || json.path("status").asInt() != status) {
                    return status + " with a body that is not a problem of that status";
                }
                if (LEAK.matcher(body).find()) {
                    return status + " whose body shows internals";
                }
            }
        }
        if (reply.header("Server").isPresent()) {
            return "a Server header: " + reply.header("Server").get();
        }
        return switch (c.expect()) {
            case Expect.Any() -> null;
            case Expect.Refused(var statuses, var field) -> {
                if (status < 400) {
                    yield "accepted with " + status + " (" + abbreviate(reply.text()) + ")";
                }
                if (!statuses.isEmpty() && !statuses.contains(status)) {
                    yield "refused with " + status + ", not " + statuses;
                }
                yield field == null || head || namesField(reply.text(), field) ? null : "the problem does not name '" + field + "'";
            }
            case Expect.PushWithOneInvalid(int index, int total, String field) -> pushProblem(reply, index, total, field);
            case Expect.LikeGet(var get) -> reply.body().length > 0 ? "HEAD with a body" : null;
            case Expect.Answer(int expected, String type) -> status != expected ? "answered " + status + ", not " + expected
                    : !reply.header("Content-Type").orElse("").startsWith(type) ? "Content-Type " + reply.header("Content-Type").orElse("") : null;
        };
    }

    private static String pushProblem(RawHttp.Reply reply, int index, int total, String field) {
        if (reply.status() != 200) {
            return "the whole push answered " + reply.status() + " for one bad mutation";
        }
        JsonNode results;
        try {
            results = ApiJson.mapper().readTree(reply.body()).path("results");
        } catch (IOException e) {
            return "a push answer that is not JSON";
        }
        if (results.size() != total) {
            return results.size() + " results for " + total + " mutations";
        }
        for (int i = 0; i < total; i++) {
            String s = results.get(i).path("status").asText();
            if (i == index && !s.equals("invalid")) {
                return "the bad mutation " + i + " is '" + s + "', not invalid";
            }
            if (i != index && s.equals("invalid")) {
                return "the good mutation " + i + " is invalid: " + results.get(i).path("error");
            }
        }
        JsonNode error = results.get(index).path("error");
        if (field != null && !namesField(error.toString(), field)) {
            return "the invalid mutation's problem does not name '" + field + "': " + error;
        }
        return null;
    }

    /** The problem lists the field in {@code errors} (possibly as a path ending in it), or its detail says it. */
    private static boolean namesField(String problemJson, String field) {
        try {
            JsonNode p = ApiJson.mapper().readTree(problemJson);
            for (JsonNode e : p.path("errors")) {
                String f = e.path("field").asText();
                if (f.equalsIgnoreCase(field) || f.endsWith("." + field) || f.startsWith(field + "[") || f.contains("." + field + "[")) {
                    return true;
                }
            }
            return p.path("detail").asText().contains(field);
        } catch (IOException e) {
            return false;
        }
    }

    private static String sameAsGet(RawHttp.Reply head, RawHttp.Reply get) {
        if (head.status() != get.status()) {
            return "HEAD answered " + head.status() + " where GET answers " + get.status();
        }
        String headType = head.header("Content-Type").orElse("");
        String getType = get.header("Content-Type").orElse("");
        return headType.equals(getType) ? null : "HEAD Content-Type '" + headType + "' where GET has '" + getType + "'";
    }

    private long seq(UUID user) {
        return server.database().jdbi().withHandle(h -> UserWrites.read(h, user)).lastSeq();
    }

    /** Everything of the victim's a client can see: the full pull, the list, the account. */
    private Map<String, String> victimSnapshot() {
        var snapshot = new LinkedHashMap<String, String>();
        String base = "/api/" + world.victim();
        for (String path : List.of(base + "/sync", base + "/tasks?limit=500", "/api/auth/me")) {
            var r = RawHttp.send(world.port(), new RawHttp.Builder("GET", path).header("Authorization", "Bearer " + victimToken)
                    .build(world.port()), PER_REQUEST);
            snapshot.put(path, r.status() + " " + r.text());
        }
        snapshot.put("seq", Long.toString(seq(world.victim())));
        return snapshot;
    }

    private static String summary(RawHttp.Reply reply) {
        return reply.status() + " " + reply.header("Content-Type").orElse("(no Content-Type)") + " " + abbreviate(reply.text());
    }

    private static String abbreviate(String s) {
        String oneLine = s.replaceAll("\\s+", " ");
        return oneLine.length() > 160 ? oneLine.substring(0, 157) + "…" : oneLine;
    }

    private String report(List<Failure> failures) {
        var byKind = new EnumMap<Kind, List<Failure>>(Kind.class);
        failures.forEach(f -> byKind.computeIfAbsent(f.c().kind(), k -> new ArrayList<>()).add(f));
        var sb = new StringBuilder(failures.size() + " of " + CASES + " hostile requests were answered wrongly on " + backend
                + " (seed " + SEED + ")\n");
        byKind.forEach((kind, list) -> {
            sb.append("\n").append(kind).append(": ").append(list.size()).append(" failures\n");
            list.stream().limit(6).forEach(f -> sb.append("  - [case seed ").append(f.c().seed()).append("] ").append(f.c().label())
                    .append("\n      ").append(f.reason()).append("\n      answer: ").append(f.answer()).append("\n      request: ")
                    .append(RawHttp.printable(f.c().request().head(), 200).replace("\n", "\n        ")).append("\n"));
        });
        return sb.toString();
    }
}
