package dev.tododesktop.server.hostile;

import static dev.tododesktop.server.hostile.Json.bool;
import static dev.tododesktop.server.hostile.Json.num;
import static dev.tododesktop.server.hostile.Json.str;
import static dev.tododesktop.testing.RandomInputs.chance;
import static dev.tododesktop.testing.RandomInputs.pick;

import dev.tododesktop.server.hostile.Json.Arr;
import dev.tododesktop.server.hostile.Json.Obj;
import dev.tododesktop.server.hostile.Json.Raw;
import dev.tododesktop.server.hostile.Json.RawStr;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Generates the fuzz test's requests: for each {@link Kind}, a valid request of the right shape
 * for a real endpoint (the structure), with one hostile change in it, and what the server must
 * answer. Every value comes from the case's own seeded generator, so a case replays from its seed.
 */
final class HostileRequests {

    /**
     * Who is who on the server under test. The attacker's token is the only credential used.
     * {@code pinnedTasks} are the attacker's tasks that no case deletes on purpose; the last one
     * is the target of the refused cross-origin deletes only.
     */
    record World(int port, UUID attacker, String attackerToken, String attackerEmail, UUID victim,
                 List<UUID> victimTasks, List<UUID> pinnedTasks, String allowedOrigin) {}

    /** What the server must do with a case. */
    sealed interface Expect {
        /** Anything but a 5xx; a 4xx must still be a problem. */
        record Any() implements Expect {}

        /**
         * A 4xx problem (one of {@code statuses} when not empty), naming {@code field} when given,
         * and the attacker's data unchanged.
         */
        record Refused(Set<Integer> statuses, String field) implements Expect {}

        /** 200, with exactly the mutation at {@code index} {@code invalid} (naming {@code field}) and none of the others. */
        record PushWithOneInvalid(int index, int total, String field) implements Expect {}

        /** HEAD: the status and Content-Type the same GET gets, and no body. */
        record LikeGet(RawHttp.Request get) implements Expect {}

        /** This status with a Content-Type starting so (the event stream, which a GET would never end). */
        record Answer(int status, String contentType) implements Expect {}
    }

    record Case(Kind kind, long seed, String label, RawHttp.Request request, Expect expect) {}

    private static final Expect ANY = new Expect.Any();

    private final World w;

    HostileRequests(World world) {
        this.w = world;
    }

    static Expect refused(Integer... statuses) {
        return new Expect.Refused(Set.of(statuses), null);
    }

    static Expect refusedNaming(String field, Integer... statuses) {
        return new Expect.Refused(Set.of(statuses), field);
    }

    Case generate(Kind kind, long seed, RandomGenerator rng) {
        return switch (kind) {
            case DEEP_OR_LONG_JSON -> deepOrLong(seed, rng);
            case FAR_TIMESTAMP -> farTimestamp(seed, rng);
            case WRONG_TYPE -> wrongType(seed, rng);
            case INVALID_UTF8 -> invalidUtf8(seed, rng);
            case LONE_SURROGATE -> loneSurrogate(seed, rng);
            case QUERY_TEXT -> queryText(seed, rng);
            case HEAD_METHOD -> head(seed, rng);
            case HTTP_LAYER -> httpLayer(seed, rng);
            case CORS_ORIGIN -> cors(seed, rng);
            case OPEN_POINTS -> openPoints(seed, rng);
            case MIXED -> mixed(seed, rng);
        };
    }

    // ---- the endpoints with a JSON body, each with a valid body to start from -------------------

    /** A JSON endpoint: method, path, whether the attacker's token goes with it, and a valid body. */
    record BodyEndpoint(String name, String method, String path, boolean authenticated, Function<RandomGenerator, Obj> body,
                        List<String> textFields) {}

    private List<BodyEndpoint> bodyEndpoints() {
        return List.of(
                new BodyEndpoint("register", "POST", "/api/auth/register", false,
                        r -> Obj.of("email", str("fuzz" + r.nextInt(1_000_000) + "@example.com"), "password", str("fuzzy passphrase " + r.nextInt()),
                                "name", str("Fuzz"), "device_name", str("probe")),
                        List.of("email", "password", "name", "device_name")),
                new BodyEndpoint("login", "POST", "/api/auth/login", false,
                        r -> Obj.of("email", str(w.attackerEmail()), "password", str("not the password " + r.nextInt()), "device_name", str("probe")),
                        List.of("email", "password", "device_name")),
                new BodyEndpoint("refresh", "POST", "/api/auth/refresh", false,
                        r -> Obj.of("refresh_token", str("rt_" + UUID.randomUUID())), List.of("refresh_token")),
                new BodyEndpoint("delete-me", "DELETE", "/api/auth/me", true,
                        r -> Obj.of("password", str("wrong password " + r.nextInt())), List.of("password")),
                new BodyEndpoint("password", "POST", "/api/auth/password", true,
                        r -> Obj.of("current_password", str("wrong password " + r.nextInt()), "new_password", str("another passphrase 42")),
                        List.of("current_password", "new_password")),
                new BodyEndpoint("create", "POST", tasks(w.attacker()), true, this::createBody, List.of("title", "description")),
                new BodyEndpoint("update", "PUT", task(w.attacker(), pinned(null)), true, this::updateBody, List.of("title", "description")),
                new BodyEndpoint("complete", "PATCH", task(w.attacker(), pinned(null)) + "/complete", true,
                        r -> Obj.of("completed", bool(r.nextBoolean())), List.of()),
                new BodyEndpoint("push", "POST", sync(w.attacker()), true, r -> push(r, 1 + r.nextInt(3)), List.of()));
    }

    private Obj createBody(RandomGenerator r) {
        var body = Obj.of("title", str(title(r)));
        if (chance(r, 0.5)) body = body.with("id", str(UUID.randomUUID().toString()));
        if (chance(r, 0.5)) body = body.with("description", str("notes " + r.nextInt()));
        if (chance(r, 0.5)) body = body.with("priority", str(pick(r, List.of("none", "low", "medium", "high"))));
        if (chance(r, 0.5)) body = body.with("tags", Arr.of(str("t" + r.nextInt(100))));
        if (chance(r, 0.5)) body = body.with("due_at", str("2027-0" + (1 + r.nextInt(9)) + "-15T10:00:00.000Z"));
        if (chance(r, 0.3)) body = body.with("completed", bool(r.nextBoolean()));
        return body;
    }

    private Obj updateBody(RandomGenerator r) {
        var body = Obj.of("title", str(title(r)));
        if (chance(r, 0.5)) body = body.with("description", str("edited " + r.nextInt()));
        if (chance(r, 0.5)) body = body.with("priority", str(pick(r, List.of("none", "low", "medium", "high"))));
        if (chance(r, 0.5)) body = body.with("due_at", chance(r, 0.3) ? Json.NULL : str("2028-02-29T23:59:59.999Z"));
        if (chance(r, 0.3)) body = body.with("tags", new Arr(List.of()));
        return body;
    }

    private static String title(RandomGenerator r) {
        return pick(r, List.of("Buy milk", "Call Ada", "日本語のタスク", "🎉 party", "a", "Pay rent ")) + " " + r.nextInt(1000);
    }

    /** A valid mutation that always applies on its own: a create of a new id, a delete of an unknown one, or set_completed of a pinned task. */
    private Obj validMutation(RandomGenerator r) {
        return switch (r.nextInt(3)) {
            case 0 -> Obj.of("mutation_id", uuid(), "type", str("create"), "task_id", uuid(), "fields", Obj.of("title", str(title(r))));
            case 1 -> Obj.of("mutation_id", uuid(), "type", str("delete"), "task_id", uuid());
            default -> Obj.of("mutation_id", uuid(), "type", str("set_completed"), "task_id", str(pinned(r).toString()),
                    "base_version", num(1), "fields", Obj.of("completed", bool(r.nextBoolean())));
        };
    }

    /** A create mutation whose title, description or due date can be replaced by a hostile value. */
    private Obj createMutation(RandomGenerator r) {
        return Obj.of("mutation_id", uuid(), "type", str("create"), "task_id", uuid(),
                "fields", Obj.of("title", str(title(r)), "description", str("from a push")));
    }

    private Obj updateMutation(RandomGenerator r) {
        return Obj.of("mutation_id", uuid(), "type", str("update"), "task_id", str(pinned(r).toString()), "base_version", num(1),
                "fields", Obj.of("title", str(title(r))));
    }

    private Obj push(RandomGenerator r, int n) {
        var ms = new ArrayList<Json>();
        for (int i = 0; i < n; i++) {
            ms.add(validMutation(r));
        }
        return Obj.of("mutations", new Arr(ms));
    }

    /** A push of valid mutations with {@code bad} at a random position. */
    private Case pushWithOneInvalid(Kind kind, long seed, RandomGenerator r, String label, Obj bad, String field) {
        int total = 2 + r.nextInt(4);
        int index = r.nextInt(total);
        var ms = new ArrayList<Json>();
        for (int i = 0; i < total; i++) {
            ms.add(i == index ? bad : validMutation(r));
        }
        var request = json("POST", sync(w.attacker()), Obj.of("mutations", new Arr(ms)).bytes(), true).build(w.port());
        return new Case(kind, seed, label + " at mutation " + index + " of " + total, request,
                new Expect.PushWithOneInvalid(index, total, field));
    }

    // ---- kind 1 --------------------------------------------------------------------------------

    private Case deepOrLong(long seed, RandomGenerator r) {
        var endpoint = pick(r, bodyEndpoints());
        var valid = endpoint.body().apply(r);
        int choice = r.nextInt(7);
        byte[] body;
        String label;
        switch (choice) {
            case 0 -> {
                int depth = pick(r, List.of(1_001, 5_000, 10_000, 50_000));
                body = valid.with(pick(r, fieldNames(valid)), nest(depth, r.nextBoolean())).bytes();
                label = "nesting " + depth + " deep";
            }
            case 1 -> {
                int digits = pick(r, List.of(1_001, 5_000, 100_000));
                String number = (chance(r, 0.3) ? "-" : "") + "9".repeat(digits) + (chance(r, 0.3) ? ".5" : "");
                body = valid.with(pick(r, fieldNames(valid)), Raw.of(number)).bytes();
                label = digits + "-digit number";
            }
            case 2 -> {
                body = valid.with(pick(r, fieldNames(valid)), Raw.of(pick(r, List.of("1e999999999", "-1e-999999999", "0." + "0".repeat(3000) + "1")))).bytes();
                label = "extreme exponent";
            }
            case 3 -> {
                var many = valid;
                for (int i = 0; i < 20_000; i++) {
                    many = many.plus("k" + i, num(i));
                }
                body = many.bytes();
                label = "20,000 keys";
            }
            case 4 -> {
                body = valid.with(pick(r, fieldNames(valid)), str("x".repeat(1_100_000))).bytes();
                label = "body over 1 MiB with Content-Length";
            }
            case 5 -> {
                // Chunked: no Content-Length for the server to check up front.
                byte[] big = valid.with(pick(r, fieldNames(valid)), str("y".repeat(2_200_000))).bytes();
                var request = builder(endpoint.method(), endpoint.path(), endpoint.authenticated())
                        .header("Content-Type", "application/json").header("Transfer-Encoding", "chunked")
                        .noContentLength().body(chunked(big, 64 * 1024)).build(w.port());
                return new Case(Kind.DEEP_OR_LONG_JSON, seed, endpoint.name() + ": chunked body of 2.2 MB", request, refused());
            }
            default -> {
                body = ("[".repeat(3000) + "]".repeat(3000)).getBytes(StandardCharsets.US_ASCII);
                label = "deeply nested array as the whole body";
            }
        }
        var request = json(endpoint.method(), endpoint.path(), body, endpoint.authenticated()).build(w.port());
        return new Case(Kind.DEEP_OR_LONG_JSON, seed, endpoint.name() + ": " + label, request, refused());
    }

    private static Json nest(int depth, boolean arrays) {
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        return Raw.of(open.repeat(depth) + (arrays ? "" : "1") + close.repeat(depth));
    }

    private static byte[] chunked(byte[] body, int size) {
        var out = new ByteArrayOutputStream();
        for (int i = 0; i < body.length; i += size) {
            int n = Math.min(size, body.length - i);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, i, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    // ---- kind 2 --------------------------------------------------------------------------------

    static final List<String> FAR_TIMESTAMPS = List.of(
            "+999999999-12-31T23:59:59.999Z", "-999999999-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
            "0000-12-31T23:59:59.999Z", "-0001-01-01T00:00:00Z", "+275760-09-13T00:00:00.000Z",
            "+100000-01-01T00:00:00Z", "9999-12-31T23:59:59.999-12:00", "0001-01-01T00:00:00+01:00");

    private Case farTimestamp(long seed, RandomGenerator r) {
        String far = pick(r, FAR_TIMESTAMPS);
        return switch (r.nextInt(3)) {
            case 0 -> new Case(Kind.FAR_TIMESTAMP, seed, "create with due_at " + far,
                    json("POST", tasks(w.attacker()), createBody(r).with("due_at", str(far)).bytes(), true).build(w.port()),
                    refusedNaming("due_at", 422));
            case 1 -> new Case(Kind.FAR_TIMESTAMP, seed, "update with due_at " + far,
                    json("PUT", task(w.attacker(), pinned(r)), updateBody(r).with("due_at", str(far)).bytes(), true).build(w.port()),
                    refusedNaming("due_at", 422));
            default -> {
                var m = r.nextBoolean() ? createMutation(r) : updateMutation(r);
                var fields = ((Obj) field(m, "fields")).with("due_at", str(far));
                yield pushWithOneInvalid(Kind.FAR_TIMESTAMP, seed, r, "push with due_at " + far, m.with("fields", fields), "due_at");
            }
        };
    }

    // ---- kind 3 --------------------------------------------------------------------------------

    /** Values of the wrong JSON type (or, for timestamps, not an RFC 3339 string) per field kind. */
    static final List<String> NOT_TEXT = List.of("5", "1.5", "true", "false", "[]", "[\"a\"]", "{}", "{\"a\":1}");
    static final List<String> NOT_BOOLEAN = List.of("\"true\"", "1", "0", "\"yes\"", "[true]", "{}", "1.0", "\"\"");
    static final List<String> NOT_INTEGER = List.of("1.5", "\"1\"", "true", "[1]", "{}", "9223372036854775808", "-9223372036854775809", "1e300", "\"\"");
    static final List<String> NOT_TIMESTAMP = List.of("1.5", "0", "1700000000000", "\"12345\"", "\"1700000000\"", "true", "[]", "{}",
            "\"2026-01-01\"", "\"2026-01-01T00:00:00\"", "\"2026-13-01T00:00:00Z\"", "\"2026-02-30T00:00:00Z\"", "\"\"",
            "\"2026-01-01 10:00:00Z\"", "\"2026-01-01T25:00:00Z\"", "\"2026-01-01T10:00:00+25:00\"", "\"now\"", "\"2026-W01-1T00:00:00Z\"");
    static final List<String> NOT_UUID = List.of("123", "\"not-a-uuid\"", "true", "[]", "{}", "\"00000000-0000-0000-0000-00000000000g\"",
            "\"urn:uuid:2d7c2ae6-1dd5-4f34-9a57-f3bb5d0d6a37\"", "\"2d7c2ae61dd54f349a57f3bb5d0d6a37\"", "\"\"",
            "\" 2d7c2ae6-1dd5-4f34-9a57-f3bb5d0d6a37\"", "\"{2d7c2ae6-1dd5-4f34-9a57-f3bb5d0d6a37}\"", "\"1-1-1-1-1\"");
    static final List<String> NOT_PRIORITY = List.of("0", "1", "\"HIGH\"", "\"High\"", "\" high\"", "true", "[\"high\"]", "\"\"", "{}");
    static final List<String> NOT_TAGS = List.of("\"a\"", "{\"0\":\"a\"}", "[1]", "[true]", "[[\"a\"]]", "[{}]", "1", "true");
    static final List<String> NOT_MUTATION_TYPE = List.of("0", "\"CREATE\"", "\"insert\"", "true", "[]", "\"\"");

    private Case wrongType(long seed, RandomGenerator r) {
        return switch (r.nextInt(6)) {
            case 0 -> {
                var body = createBody(r);
                var f = pick(r, List.of("title", "description", "completed", "priority", "tags", "due_at", "id"));
                String bad = pick(r, badValuesFor(f));
                yield new Case(Kind.WRONG_TYPE, seed, "create with " + f + ": " + bad,
                        json("POST", tasks(w.attacker()), body.with(f, Raw.of(bad)).bytes(), true).build(w.port()), refusedNaming(f, 400));
            }
            case 1 -> {
                var body = updateBody(r);
                var f = pick(r, List.of("title", "description", "completed", "priority", "tags", "due_at"));
                String bad = pick(r, badValuesFor(f));
                yield new Case(Kind.WRONG_TYPE, seed, "update with " + f + ": " + bad,
                        json("PUT", task(w.attacker(), pinned(r)), body.with(f, Raw.of(bad)).bytes(), true).build(w.port()), refusedNaming(f, 400));
            }
            case 2 -> {
                String bad = pick(r, NOT_BOOLEAN);
                yield new Case(Kind.WRONG_TYPE, seed, "complete with completed: " + bad,
                        json("PATCH", task(w.attacker(), pinned(r)) + "/complete", Obj.of("completed", Raw.of(bad)).bytes(), true).build(w.port()),
                        refusedNaming("completed", 400));
            }
            case 3 -> {
                var endpoint = pick(r, bodyEndpoints().stream().filter(e -> !e.textFields().isEmpty()).toList());
                var body = endpoint.body().apply(r);
                var f = pick(r, endpoint.textFields());
                String bad = pick(r, NOT_TEXT);
                yield new Case(Kind.WRONG_TYPE, seed, endpoint.name() + " with " + f + ": " + bad,
                        json(endpoint.method(), endpoint.path(), body.with(f, Raw.of(bad)).bytes(), endpoint.authenticated()).build(w.port()),
                        refusedNaming(f, 400));
            }
            case 4 -> {
                // Inside one mutation: that mutation is invalid, the others apply.
                var m = r.nextBoolean() ? createMutation(r) : updateMutation(r);
                var f = pick(r, List.of("mutation_type", "task_id", "base_version", "fields.title", "fields.completed", "fields.priority",
                        "fields.tags", "fields.due_at", "fields"));
                Obj bad;
                String named;
                switch (f) {
                    case "mutation_type" -> { bad = m.with("type", Raw.of(pick(r, NOT_MUTATION_TYPE))); named = "type"; }
                    case "task_id" -> { bad = m.with("task_id", Raw.of(pick(r, NOT_UUID))); named = "task_id"; }
                    case "base_version" -> { bad = updateMutation(r).with("base_version", Raw.of(pick(r, NOT_INTEGER))); named = "base_version"; }
                    case "fields" -> { bad = m.with("fields", Raw.of(pick(r, List.of("[]", "\"title\"", "1", "true")))); named = "fields"; }
                    default -> {
                        String inner = f.substring("fields.".length());
                        bad = m.with("fields", ((Obj) field(m, "fields")).with(inner, Raw.of(pick(r, badValuesFor(inner)))));
                        named = inner;
                    }
                }
                yield pushWithOneInvalid(Kind.WRONG_TYPE, seed, r, "push with a bad " + f, bad, named);
            }
            default -> {
                // The push envelope itself: the whole request is malformed.
                String bad = pick(r, List.of("{\"mutations\": {}}", "{\"mutations\": \"x\"}", "{\"mutations\": 1}", "{\"mutations\": [[]]}",
                        "[]", "\"mutations\"", "{\"mutations\": [1]}", "{\"mutations\": [null]}",
                        "{\"mutations\": [], \"acknowledged\": \"x\"}", "{\"mutations\": [], \"acknowledged\": [1]}",
                        "{\"mutations\": [], \"acknowledged\": [\"not-an-id\"]}", "{\"mutations\": [], \"acknowledged\": {}}"));
                boolean perMutation = bad.contains("\"mutations\": [[]]") || bad.contains("\"mutations\": [1]")
                        || bad.contains("\"mutations\": [null]");
                yield new Case(Kind.WRONG_TYPE, seed, "push envelope " + bad,
                        json("POST", sync(w.attacker()), bad.getBytes(StandardCharsets.UTF_8), true).build(w.port()),
                        perMutation ? new Expect.PushWithOneInvalid(0, 1, null) : refused(400));
            }
        };
    }

    private static List<String> badValuesFor(String field) {
        return switch (field) {
            case "completed" -> NOT_BOOLEAN;
            case "priority" -> NOT_PRIORITY;
            case "tags" -> NOT_TAGS;
            case "due_at" -> NOT_TIMESTAMP;
            case "id", "task_id", "mutation_id" -> NOT_UUID;
            default -> NOT_TEXT;
        };
    }

    // ---- kind 4 --------------------------------------------------------------------------------

    static final List<byte[]> NOT_UTF8 = List.of(
            bytes(0xC0, 0xAF), bytes(0xE0, 0x80, 0xAF), bytes(0xF0, 0x80, 0x80, 0xAF), bytes(0xC0, 0x80),
            bytes(0xED, 0xA0, 0x80), bytes(0xED, 0xBF, 0xBF), bytes(0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80),
            bytes(0xF4, 0x90, 0x80, 0x80), bytes(0xF8, 0x88, 0x80, 0x80, 0x80), bytes(0x80), bytes(0xBF),
            bytes(0xE2, 0x82), bytes(0xFE), bytes(0xFF), bytes(0xC1, 0xBF), bytes(0xF5, 0x80, 0x80, 0x80));

    private Case invalidUtf8(long seed, RandomGenerator r) {
        byte[] bad = pick(r, NOT_UTF8);
        String hex = RawHttp.printable(bad, 40);
        if (chance(r, 0.25)) {
            // In the query string, percent-encoded.
            var sb = new StringBuilder();
            for (byte b : bad) {
                sb.append(String.format("%%%02X", b & 0xFF));
            }
            String param = pick(r, List.of("q", "tag"));
            var request = builder("GET", tasks(w.attacker()) + "?" + param + "=a" + sb + "b", true).build(w.port());
            return new Case(Kind.INVALID_UTF8, seed, "query " + param + " with " + hex, request, refusedNaming(param, 400));
        }
        var endpoint = pick(r, bodyEndpoints().stream().filter(e -> !e.textFields().isEmpty()).toList());
        var body = endpoint.body().apply(r);
        var f = pick(r, endpoint.textFields());
        var content = new ByteArrayOutputStream();
        content.writeBytes("abc".getBytes(StandardCharsets.US_ASCII));
        content.writeBytes(bad);
        content.writeBytes("def".getBytes(StandardCharsets.US_ASCII));
        var request = json(endpoint.method(), endpoint.path(), body.with(f, new RawStr(content.toByteArray())).bytes(),
                endpoint.authenticated()).build(w.port());
        return new Case(Kind.INVALID_UTF8, seed, endpoint.name() + " with " + hex + " in " + f, request, refused(400));
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    // ---- kind 5 --------------------------------------------------------------------------------

    static final List<String> LONE_SURROGATES = List.of("\ud800", "\udfff", "a\ud800b", "\udc00\ud800", "x\ud83d", "\ude00y", "\ud83d\ud83d");

    private Case loneSurrogate(long seed, RandomGenerator r) {
        String lone = pick(r, LONE_SURROGATES);
        String shown = lone.chars().mapToObj(c -> c < 128 ? String.valueOf((char) c) : String.format("\\u%04x", c))
                .reduce("", String::concat);
        switch (r.nextInt(4)) {
            case 0 -> {
                var m = createMutation(r);
                var f = pick(r, List.of("title", "description", "tags"));
                Json value = f.equals("tags") ? Arr.of(str(lone)) : str("ok " + lone);
                return pushWithOneInvalid(Kind.LONE_SURROGATE, seed, r, "push with " + shown + " in " + f,
                        m.with("fields", ((Obj) field(m, "fields")).with(f, value)), f);
            }
            case 1 -> {
                var f = pick(r, List.of("title", "description", "tags"));
                Json value = f.equals("tags") ? Arr.of(str("ok"), str(lone)) : str(lone);
                var request = json("POST", tasks(w.attacker()), createBody(r).with(f, value).bytes(), true).build(w.port());
                return new Case(Kind.LONE_SURROGATE, seed, "create with " + shown + " in " + f, request, refusedNaming(f, 422));
            }
            default -> {
                var endpoint = pick(r, bodyEndpoints().stream().filter(e -> !e.textFields().isEmpty()).toList());
                var f = pick(r, endpoint.textFields());
                var request = json(endpoint.method(), endpoint.path(), endpoint.body().apply(r).with(f, str("p" + lone + "q")).bytes(),
                        endpoint.authenticated()).build(w.port());
                return new Case(Kind.LONE_SURROGATE, seed, endpoint.name() + " with " + shown + " in " + f, request, refusedNaming(f, 422));
            }
        }
    }

    // ---- kind 6 --------------------------------------------------------------------------------

    private Case queryText(long seed, RandomGenerator r) {
        switch (r.nextInt(5)) {
            case 0 -> {
                String param = pick(r, List.of("q", "tag"));
                String value = pick(r, List.of("%00", "a%00", "%00b", "a%00b", "%00%00"));
                return new Case(Kind.QUERY_TEXT, seed, param + "=" + value,
                        builder("GET", tasks(w.attacker()) + "?" + param + "=" + value, true).build(w.port()), refusedNaming(param, 422));
            }
            case 1 -> {
                String param = pick(r, List.of("q", "tag", "status", "sort", "order", "priority", "limit", "offset"));
                String value = pick(r, List.of("%", "%z", "%zz", "a%2", "%G0", "%%", "%u0041"));
                return new Case(Kind.QUERY_TEXT, seed, param + "=" + value + " (bad percent-encoding)",
                        builder("GET", tasks(w.attacker()) + "?" + param + "=" + value, true).build(w.port()), refusedNaming(param, 400));
            }
            case 2 -> {
                String param = pick(r, List.of("limit", "offset"));
                String value = pick(r, List.of("%D9%A1", "%EF%BC%91", "1%00", "%001", "1.0", "0x10", "1e2", "%2B1", "+1", "1%20", "%201", "99999999999999999999"));
                return new Case(Kind.QUERY_TEXT, seed, param + "=" + value,
                        builder("GET", tasks(w.attacker()) + "?" + param + "=" + value, true).build(w.port()), refusedNaming(param, 400, 422));
            }
            case 3 -> {
                String value = pick(r, List.of("%00", "YzE6MDow%00", "%C0%AF", "YzE6OTk5OTk5OjA", "YzE6MDo5OTk5OTk", "YzE6LTE6MA", "YzE6OTk5OTk5OTk5OTk5OTk5OTk5OTk5Ojk5",
                        "Yz" + "A".repeat(5000), "c1:1:0", "%FF%FE", "YzE6MTowOjA", "YzE6MSAwOjA"));
                String param = r.nextBoolean() ? "cursor=" + value : "cursor=" + value + "&limit=" + pick(r, List.of("0", "1001", "-1", "a", "%00"));
                return new Case(Kind.QUERY_TEXT, seed, "pull with " + param,
                        builder("GET", sync(w.attacker()) + "?" + param, true).build(w.port()), refused(400, 410, 422));
            }
            default -> {
                // Raw bytes in the query, not percent-encoded.
                byte[] bad = pick(r, NOT_UTF8);
                var target = new ByteArrayOutputStream();
                target.writeBytes((tasks(w.attacker()) + "?q=").getBytes(StandardCharsets.US_ASCII));
                target.writeBytes(bad);
                return new Case(Kind.QUERY_TEXT, seed, "raw bytes " + RawHttp.printable(bad, 40) + " in q",
                        new RawHttp.Builder("GET", target.toByteArray()).header("Authorization", "Bearer " + w.attackerToken()).build(w.port()),
                        refused());
            }
        }
    }

    // ---- kind 7 --------------------------------------------------------------------------------

    private List<String> protectedGets(UUID user) {
        return List.of("/api/auth/me", "/api/auth/sessions", tasks(user), task(user, pinned(null)), sync(user), "/api/" + user + "/events",
                tasks(user) + "?status=pending", sync(user) + "?limit=5");
    }

    private Case head(long seed, RandomGenerator r) {
        switch (r.nextInt(4)) {
            case 0, 1 -> {
                String path = pick(r, protectedGets(w.attacker()));
                String auth = pick(r, List.of("", "Bearer", "Bearer ", "Bearer garbage", "Basic YWRhOnB3", "bearer x.y.z",
                        "Bearer " + w.attackerToken().substring(0, w.attackerToken().length() - 2) + "xx"));
                var b = new RawHttp.Builder("HEAD", path);
                if (!auth.isEmpty()) {
                    b.header("Authorization", auth);
                }
                return new Case(Kind.HEAD_METHOD, seed, "HEAD " + path + " with Authorization '" + abbreviate(auth) + "'", b.build(w.port()), refused(401));
            }
            case 2 -> {
                String path = pick(r, List.of(tasks(w.victim()), task(w.victim(), pick(r, w.victimTasks())), sync(w.victim()),
                        "/api/" + w.victim() + "/events", task(w.attacker(), pick(r, w.victimTasks()))));
                return new Case(Kind.HEAD_METHOD, seed, "HEAD someone else's " + path,
                        builder("HEAD", path, true).build(w.port()), refused(404));
            }
            default -> {
                if (chance(r, 0.15)) {
                    return new Case(Kind.HEAD_METHOD, seed, "HEAD of the owner's event stream",
                            builder("HEAD", "/api/" + w.attacker() + "/events", true).build(w.port()), new Expect.Answer(200, "text/event-stream"));
                }
                String path = pick(r, List.of("/api/auth/me", "/api/auth/sessions", tasks(w.attacker()), task(w.attacker(), pinned(r)),
                        sync(w.attacker()), "/health", "/api/auth/jwks", task(w.attacker(), UUID.randomUUID())));
                return new Case(Kind.HEAD_METHOD, seed, "HEAD " + path + " with the owner's token", builder("HEAD", path, true).build(w.port()),
                        new Expect.LikeGet(builder("GET", path, true).build(w.port())));
            }
        }
    }

    // ---- kind 8 --------------------------------------------------------------------------------

    private Case httpLayer(long seed, RandomGenerator r) {
        String path = pick(r, List.of("/api/auth/me", tasks(w.attacker()), "/health", sync(w.attacker())));
        boolean token = r.nextBoolean();
        return switch (r.nextInt(8)) {
            case 0 -> new Case(Kind.HTTP_LAYER, seed, "URL of 100 KB",
                    builder("GET", path + "?q=" + "a".repeat(100_000), token).build(w.port()), refused());
            case 1 -> {
                var b = builder("GET", path, token);
                String which = pick(r, List.of("X-Junk", "Authorization", "Cookie", "User-Agent", "Accept"));
                b.header(which, (which.equals("Authorization") ? "Bearer " : "") + "z".repeat(100_000));
                yield new Case(Kind.HTTP_LAYER, seed, "100 KB " + which + " header", b.build(w.port()), refused());
            }
            case 2 -> {
                var b = builder("GET", path, token);
                for (int i = 0; i < 3_000; i++) {
                    b.header("X-H" + i, "v");
                }
                yield new Case(Kind.HTTP_LAYER, seed, "3,000 headers", b.build(w.port()), refused());
            }
            case 3 -> {
                String bad = pick(r, List.of("/api/%00/tasks", "/api/auth/me%00", "/health%00", "/%00", "/api/auth/%00me",
                        "/api/" + w.attacker() + "/tasks/%00", "/api/%2e%2e/api/auth/me", "/api/%2F/tasks", "/api/auth/me%2F",
                        "/api/auth/me%", "/api/auth/me%zz", "/api/%C0%AF/tasks", "/api/%FF/tasks", "/api/auth/me%5C",
                        "/api/" + w.attacker() + "/tasks/%ED%A0%80", "/api/auth/me;jsessionid=x", "/api/..;/api/auth/me"));
                yield new Case(Kind.HTTP_LAYER, seed, "path " + bad, builder("GET", bad, false).build(w.port()), refused());
            }
            case 4 -> {
                String method = pick(r, List.of("TRACE", "FOO", "get", "PROPFIND", "M-SEARCH", "CONNECT", "LOCK", "G".repeat(3000), "PURGE"));
                yield new Case(Kind.HTTP_LAYER, seed, "method " + abbreviate(method) + " on " + path,
                        builder(method, path, token).build(w.port()), refused());
            }
            case 5 -> {
                var b = builder("POST", tasks(w.attacker()), true).header("Content-Type", "application/json").noContentLength();
                String framing = pick(r, List.of("cl-abc", "cl-negative", "cl-two", "cl-huge", "te-gzip", "te-bad-chunk", "te-and-cl", "cl-short"));
                byte[] body = createBody(r).bytes();
                switch (framing) {
                    case "cl-abc" -> b.header("Content-Length", "abc").body(body);
                    case "cl-negative" -> b.header("Content-Length", "-1").body(body);
                    case "cl-two" -> b.header("Content-Length", Integer.toString(body.length)).header("Content-Length", Integer.toString(body.length + 1)).body(body);
                    case "cl-huge" -> b.header("Content-Length", "99999999999999999999").body(body);
                    case "te-gzip" -> b.header("Transfer-Encoding", "gzip").body(body);
                    case "te-bad-chunk" -> b.header("Transfer-Encoding", "chunked").body("zz\r\nabc\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    case "te-and-cl" -> b.header("Transfer-Encoding", "chunked").header("Content-Length", "5").body(chunked(body, 16));
                    default -> b.header("Content-Length", Integer.toString(body.length + 50)).body(body).halfClose();
                }
                yield new Case(Kind.HTTP_LAYER, seed, "framing " + framing, b.build(w.port()), refused());
            }
            case 6 -> {
                var b = builder("GET", path, token);
                String which = pick(r, List.of("version", "no-host", "two-hosts", "bad-header-name", "nul-in-value", "obs-fold"));
                switch (which) {
                    case "version" -> b.version(pick(r, List.of("HTTP/1.2", "HTTP/2.0", "HTTP/9.9", "HTTP/1", "http/1.1", "HTTP/1.1x")));
                    case "no-host" -> b.noHost();
                    case "two-hosts" -> b.header("Host", "127.0.0.1:" + w.port());
                    case "bad-header-name" -> b.header("Bad Header", "x");
                    case "nul-in-value" -> b.header("X-Note", bytes('a', 0, 'b'));
                    default -> b.header("X-Folded", "a\r\n b");
                }
                yield new Case(Kind.HTTP_LAYER, seed, "request " + which, b.build(w.port()), refused());
            }
            default -> {
                var target = new ByteArrayOutputStream();
                target.writeBytes("/api/auth/".getBytes(StandardCharsets.US_ASCII));
                target.writeBytes(pick(r, NOT_UTF8));
                yield new Case(Kind.HTTP_LAYER, seed, "raw non-UTF-8 bytes in the path",
                        new RawHttp.Builder("GET", target.toByteArray()).build(w.port()), refused());
            }
        };
    }

    // ---- kind 9 --------------------------------------------------------------------------------

    private Case cors(long seed, RandomGenerator r) {
        String origin = pick(r, List.of("https://evil.example", "null", w.allowedOrigin() + ".evil.example",
                w.allowedOrigin().replace("https://", "http://"), w.allowedOrigin() + ":8443", "https://evil.example, " + w.allowedOrigin(),
                "file://", "https://evil.example/" + w.allowedOrigin()));
        UUID target = pinned(r);
        var write = switch (r.nextInt(6)) {
            case 0 -> json("PUT", task(w.attacker(), target), Obj.of("title", str("changed by a foreign page")).bytes(), true);
            case 1 -> json("PATCH", task(w.attacker(), target) + "/complete", new byte[0], true);
            case 2 -> json("POST", tasks(w.attacker()), createBody(r).bytes(), true);
            case 3 -> json("POST", sync(w.attacker()), push(r, 2).bytes(), true);
            case 4 -> json("DELETE", task(w.attacker(), w.pinnedTasks().getLast()), new byte[0], true);
            default -> {
                var b = builder("OPTIONS", task(w.attacker(), target), false).header("Access-Control-Request-Method", pick(r, List.of("PUT", "DELETE", "POST")));
                yield chance(r, 0.5) ? b.header("Access-Control-Request-Headers", "authorization, content-type") : b;
            }
        };
        write.header("Origin", origin);
        return new Case(Kind.CORS_ORIGIN, seed, write.build(w.port()).method() + " from Origin " + origin, write.build(w.port()), refused());
    }

    // ---- open points ---------------------------------------------------------------------------

    static final List<String> INVISIBLE_TITLES = List.of("\u00A0", "\u200B", "\u2007\u202F", "\u3000", "\uFEFF", "\u2060", "\u00A0\u200B\u00A0",
            "\u200D", "\u200C\u200B", "\u2028", "\t\u00A0\n", "\u180E", "\u2029\u205F", "\u1680", "\u00AD");

    private Case openPoints(long seed, RandomGenerator r) {
        switch (r.nextInt(7)) {
            case 0 -> {
                String type = pick(r, List.of("", "text/plain", "text/plain; charset=utf-8", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x", "application/json; charset=utf-16", "application/json; charset=iso-8859-1",
                        "application/jsonx", "application/xml", "text/json", "application/json, text/plain", "*/*"));
                var b = builder("POST", tasks(w.attacker()), true).body(createBody(r).bytes());
                if (!type.isEmpty()) {
                    b.header("Content-Type", type);
                }
                return new Case(Kind.OPEN_POINTS, seed, "Content-Type '" + type + "'", b.build(w.port()), refused(415));
            }
            case 1 -> {
                String text = new String(createBody(r).bytes(), StandardCharsets.UTF_8);
                String which = pick(r, List.of("UTF-16LE", "UTF-16BE", "UTF-16", "UTF-32LE", "UTF-32BE"));
                byte[] body = text.getBytes(Charset.forName(which.startsWith("UTF-32") ? which : which));
                return new Case(Kind.OPEN_POINTS, seed, "body in " + which,
                        json("POST", tasks(w.attacker()), body, true).build(w.port()), refused(400));
            }
            case 2 -> {
                var endpoint = pick(r, bodyEndpoints().stream().filter(e -> !e.name().equals("push")).toList());
                var body = endpoint.body().apply(r);
                var f = pick(r, fieldNames(body));
                var dup = body.plus(f, field(body, f));
                return new Case(Kind.OPEN_POINTS, seed, endpoint.name() + " with '" + f + "' twice",
                        json(endpoint.method(), endpoint.path(), dup.bytes(), endpoint.authenticated()).build(w.port()), refusedNaming(f, 400));
            }
            case 3 -> {
                String second = pick(r, List.of("Bearer " + w.attackerToken(), "Bearer garbage", "", "Basic YWRhOnB3"));
                boolean write = r.nextBoolean();
                var b = write
                        ? json("PUT", task(w.attacker(), pinned(r)), Obj.of("title", str("two authorization headers")).bytes(), true)
                        : builder("GET", "/api/auth/me", true);
                b.header("Authorization", second);
                return new Case(Kind.OPEN_POINTS, seed, "two Authorization headers, the second '" + abbreviate(second) + "'",
                        b.build(w.port()), refusedNaming("Authorization", 400));
            }
            case 4 -> {
                String invisible = pick(r, INVISIBLE_TITLES);
                String shown = invisible.chars().mapToObj(c -> String.format("U+%04X", c)).reduce((a, b) -> a + " " + b).orElse("");
                return switch (r.nextInt(3)) {
                    case 0 -> new Case(Kind.OPEN_POINTS, seed, "create with a title of " + shown,
                            json("POST", tasks(w.attacker()), createBody(r).with("title", str(invisible)).bytes(), true).build(w.port()),
                            refusedNaming("title", 422));
                    case 1 -> new Case(Kind.OPEN_POINTS, seed, "update with a title of " + shown,
                            json("PUT", task(w.attacker(), pinned(r)), Obj.of("title", str(invisible)).bytes(), true).build(w.port()),
                            refusedNaming("title", 422));
                    default -> {
                        var m = createMutation(r);
                        yield pushWithOneInvalid(Kind.OPEN_POINTS, seed, r, "push with a title of " + shown,
                                m.with("fields", ((Obj) field(m, "fields")).with("title", str(invisible))), "title");
                    }
                };
            }
            case 5 -> {
                String unknown = pick(r, List.of("list_id", "recurrence", "%I", "Title", "due", "user_id", "version", "deleted", "__proto__"));
                return switch (r.nextInt(3)) {
                    case 0 -> new Case(Kind.OPEN_POINTS, seed, "create with unknown field " + unknown,
                            json("POST", tasks(w.attacker()), createBody(r).with(unknown, str("x")).bytes(), true).build(w.port()),
                            refusedNaming(unknown, 400));
                    case 1 -> new Case(Kind.OPEN_POINTS, seed, "update with unknown field " + unknown,
                            json("PUT", task(w.attacker(), pinned(r)), updateBody(r).with(unknown, Obj.of()).bytes(), true).build(w.port()),
                            refusedNaming(unknown, 400));
                    default -> {
                        var m = createMutation(r);
                        var bad = r.nextBoolean() ? m.with(unknown, num(1)) : m.with("fields", ((Obj) field(m, "fields")).with(unknown, str("x")));
                        yield pushWithOneInvalid(Kind.OPEN_POINTS, seed, r, "push with unknown field " + unknown, bad, unknown);
                    }
                };
            }
            default -> {
                String q = pick(r, List.of("x-unknown=42", "limit=1&limit=2", "status=all&status=pending", "Limit=5", "q=a&q=b", "cursor=x"));
                return new Case(Kind.OPEN_POINTS, seed, "list with " + q,
                        builder("GET", tasks(w.attacker()) + "?" + q, true).build(w.port()), refused(400));
            }
        }
    }

    // ---- mixed ---------------------------------------------------------------------------------

    private Case mixed(long seed, RandomGenerator r) {
        var kinds = List.of(Kind.values()).subList(0, Kind.MIXED.ordinal());
        var base = generate(pick(r, kinds), seed, r);
        // Noise that must not change the answer: headers asking for HTML, junk forwarding headers.
        String noise = pick(r, List.of("Accept: text/html", "Accept: application/xml;q=0.9, text/html", "Accept: */*",
                "Accept: text/plain", "Accept-Encoding: gzip, br", "X-Forwarded-For: 10.0.0.1, garbage", "User-Agent: " + "u".repeat(2000),
                "Accept-Language: de-CH", "Accept: application/problem+json", "Cookie: JSESSIONID=abc"));
        byte[] head = base.request().head();
        int end = head.length - 2; // before the final CRLF
        var out = new ByteArrayOutputStream();
        out.write(head, 0, end);
        out.writeBytes((noise + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        var request = new RawHttp.Request(base.request().method(), out.toByteArray(), base.request().body(), base.request().halfClose());
        return new Case(Kind.MIXED, seed, base.kind() + " / " + base.label() + " + " + abbreviate(noise), request, base.expect());
    }

    // ---- helpers -------------------------------------------------------------------------------

    private RawHttp.Builder builder(String method, String path, boolean token) {
        var b = new RawHttp.Builder(method, path);
        if (token) {
            b.header("Authorization", "Bearer " + w.attackerToken());
        }
        return b;
    }

    private RawHttp.Builder json(String method, String path, byte[] body, boolean token) {
        var b = builder(method, path, token);
        if (body.length > 0) {
            b.header("Content-Type", "application/json");
        }
        return b.body(body);
    }

    private UUID pinned(RandomGenerator r) {
        var usable = w.pinnedTasks().subList(0, w.pinnedTasks().size() - 1);
        return r == null ? usable.getFirst() : pick(r, usable);
    }

    private static Json uuid() {
        return str(UUID.randomUUID().toString());
    }

    private static List<String> fieldNames(Obj o) {
        return o.fields().stream().map(Json.Field::key).toList();
    }

    private static Json field(Obj o, String key) {
        return o.fields().stream().filter(f -> f.key().equals(key)).findFirst().map(Json.Field::value).orElseThrow();
    }

    static String tasks(UUID user) {
        return "/api/" + user + "/tasks";
    }

    static String task(UUID user, UUID id) {
        return tasks(user) + "/" + id;
    }

    static String sync(UUID user) {
        return "/api/" + user + "/sync";
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "…(" + s.length() + ")" : s;
    }
}
