package dev.tododesktop.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.tododesktop.contract.auth.LoginRequest;
import dev.tododesktop.contract.auth.RegisterRequest;
import dev.tododesktop.contract.sync.Mutation;
import dev.tododesktop.contract.tasks.CreateTaskRequest;
import dev.tododesktop.contract.tasks.TaskUpdate;
import dev.tododesktop.server.events.Cursor;
import dev.tododesktop.testing.RandomInputs;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The parsers that read what a client sends, fuzzed in-process with seeded mutations of valid
 * inputs (bit flips, inserted and deleted bytes, spliced tokens, truncation): each input either
 * reads or fails with a 4xx {@link ApiException}, never any other exception (which would be a
 * 500). Tens of thousands of inputs in about a second; {@code -Dtodo.fuzz.seed} replays a run.
 */
class ParserFuzzTest {

    private static final long SEED = Long.getLong("todo.fuzz.seed", 12L);
    private static final int RUNS = Integer.getInteger("todo.fuzz.parser-runs", 20_000);

    private static final List<String> BODIES = List.of(
            "{\"title\": \"Buy milk\", \"tags\": [\"home\", \"x\"], \"due_at\": \"2027-01-01T10:00:00.000Z\", \"priority\": \"high\"}",
            "{\"id\": \"0193a5e0-7b1c-7cc3-8d2e-5f6a7b8c9d0e\", \"title\": \"t\", \"completed\": true, \"description\": \"d\"}",
            "{\"title\": \"a\", \"due_at\": null, \"tags\": []}",
            "{\"mutation_id\": \"0193a5e0-7b1c-7cc3-8d2e-5f6a7b8c9d0e\", \"type\": \"update\", \"task_id\": "
                    + "\"0193a5e0-7b1c-7cc3-8d2e-5f6a7b8c9d0f\", \"base_version\": 3, \"fields\": {\"title\": \"x\", \"due_at\": \"2027-01-01T10:00:00+02:00\"}}",
            "{\"email\": \"ada@example.com\", \"password\": \"correct horse\", \"device_name\": \"laptop\"}");
    private static final List<Class<?>> TYPES = List.of(CreateTaskRequest.class, TaskUpdate.class, Mutation.class,
            LoginRequest.class, RegisterRequest.class);
    private static final List<String> SPLICES = List.of("{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud800", "\\u0000",
            "null", "true", "1.5", "-0", "1e99999", "99999999999999999999", "\"title\"", "\"due_at\"", "{\"a\":", "[[[[",
            "\u00A0", "\uFEFF", "\"+999999999-12-31T23:59:59.999Z\"", "\"0000-01-01T00:00:00Z\"");

    @Test
    void requestBodiesReadOrFailWithA4xx() {
        var bodies = new JsonBodies();
        int read = 0;
        for (int i = 0; i < RUNS; i++) {
            long seed = SEED * 1_000_003L + i;
            RandomGenerator r = RandomInputs.forSeed(seed);
            byte[] input = mutate(r, RandomInputs.pick(r, BODIES).getBytes(StandardCharsets.UTF_8));
            Class<?> type = RandomInputs.pick(r, TYPES);
            try {
                var node = bodies.readObject(input, "application/json");
                if (bodies.bind(node, type, UnaryOperator.identity()) instanceof JsonBodies.Bound.Refused<?>(ApiException e)) {
                    assertClientError(e, seed, input);
                } else {
                    read++;
                }
            } catch (ApiException e) {
                assertClientError(e, seed, input);
            } catch (RuntimeException e) {
                fail("seed " + seed + ": " + e + " for " + printable(input));
            }
        }
        assertThat(read).as("some mutated bodies still read").isPositive();
    }

    @Test
    void queryStringsParseOrFailWithA4xx() {
        var pieces = List.of("q", "=", "&", "%", "%0", "%00", "%C0%AF", "%E2%82%AC", "%ED%A0%80", "%F4%90%80%80", "+", "a", "limit",
                "%zz", "é", "\u0000", "%25", "==", "&&", "%2B", "%F0%9F%8E%89", "%FF");
        for (int i = 0; i < RUNS; i++) {
            long seed = SEED * 1_000_003L + i;
            RandomGenerator r = RandomInputs.forSeed(seed);
            var sb = new StringBuilder();
            for (int n = r.nextInt(12); n > 0; n--) {
                sb.append(RandomInputs.pick(r, pieces));
            }
            try {
                var q = QueryString.parse(sb.toString());
                q.names().forEach(name -> assertThat(q.get(name).orElse("")).doesNotContain("\u0000").doesNotContain("\uFFFD"));
            } catch (ApiException e) {
                assertThat(e.status()).as("seed %d: %s", seed, sb).isIn(400, 422);
            } catch (RuntimeException e) {
                fail("seed " + seed + ": " + e + " for " + sb);
            }
        }
    }

    @Test
    void cursorsDecodeOrFailWith400() {
        String valid = new Cursor(42, 7).encode();
        for (int i = 0; i < RUNS; i++) {
            long seed = SEED * 1_000_003L + i;
            RandomGenerator r = RandomInputs.forSeed(seed);
            String input = new String(mutate(r, valid.getBytes(StandardCharsets.ISO_8859_1)), StandardCharsets.ISO_8859_1);
            try {
                Cursor c = Cursor.decode(input);
                assertThat(c.seq()).isNotNegative();
                assertThat(c.prunedSeq()).isNotNegative();
            } catch (ApiException e) {
                assertThat(e.status()).isEqualTo(400);
            } catch (RuntimeException e) {
                fail("seed " + seed + ": " + e + " for " + input);
            }
        }
    }

    @Test
    void timestampsParseOnlyAsRfc3339() {
        var pieces = List.of("2027", "-", "01", "12", "T", "t", ":", "00", "59", "60", ".", "999", "Z", "z", "+", "02:00", "+18:00",
                "+25:00", "+999999999", "-0001", "0000", " ", "", "1", "9".repeat(30));
        for (int i = 0; i < RUNS; i++) {
            long seed = SEED * 1_000_003L + i;
            RandomGenerator r = RandomInputs.forSeed(seed);
            var sb = new StringBuilder();
            for (int n = r.nextInt(14); n > 0; n--) {
                sb.append(RandomInputs.pick(r, pieces));
            }
            try {
                StrictJson.Rfc3339Instant.parse(sb.toString());
            } catch (RuntimeException e) {
                fail("seed " + seed + ": " + e + " for " + sb);
            }
        }
        assertThat(StrictJson.Rfc3339Instant.parse("2027-01-01T10:00:00.5+02:00")).hasValueSatisfying(
                t -> assertThat(t).hasToString("2027-01-01T08:00:00.500Z"));
        assertThat(StrictJson.Rfc3339Instant.parse("12345")).isEmpty();
        assertThat(StrictJson.Rfc3339Instant.parse("2027-02-30T00:00:00Z")).isEmpty();
    }

    private static void assertClientError(ApiException e, long seed, byte[] input) {
        assertThat(e.status()).as("seed %d: %s", seed, printable(input)).isBetween(400, 499);
        assertThat(e.problem().detail()).doesNotContain("com.fasterxml").doesNotContain("java.");
    }

    /** One to four byte-level changes of {@code valid}. */
    static byte[] mutate(RandomGenerator r, byte[] valid) {
        byte[] b = valid;
        for (int n = 1 + r.nextInt(4); n > 0; n--) {
            int at = b.length == 0 ? 0 : r.nextInt(b.length);
            var out = new ByteArrayOutputStream();
            switch (r.nextInt(5)) {
                case 0 -> {
                    b = b.clone();
                    if (b.length > 0) {
                        b[at] ^= (byte) (1 << r.nextInt(8));
                    }
                    continue;
                }
                case 1 -> {
                    out.write(b, 0, at);
                    out.write(r.nextInt(256));
                    out.write(b, at, b.length - at);
                }
                case 2 -> {
                    out.write(b, 0, at);
                    int skip = Math.min(b.length - at, 1 + r.nextInt(4));
                    out.write(b, at + skip, b.length - at - skip);
                }
                case 3 -> {
                    out.write(b, 0, at);
                    out.writeBytes(RandomInputs.pick(r, SPLICES).getBytes(StandardCharsets.UTF_8));
                    out.write(b, at, b.length - at);
                }
                default -> out.write(b, 0, at);
            }
            b = out.toByteArray();
        }
        return b;
    }

    private static String printable(byte[] bytes) {
        var sb = new StringBuilder();
        for (byte x : bytes) {
            int c = x & 0xFF;
            sb.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02X", c));
        }
        return sb.toString();
    }
}
