package dev.tododesktop.store.tasks;

import static dev.tododesktop.testing.RandomInputs.chance;
import static dev.tododesktop.testing.RandomInputs.pick;
import static dev.tododesktop.testing.RandomInputs.size;
import static dev.tododesktop.testing.RandomInputs.visible;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.testing.RandomInputs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever the user types, an edit (and a tag list) decodes to exactly what was encoded. Random
 * cases are seeded: a failure names its seed, and {@code editCase(seed)} / {@code tagCase(seed)}
 * rebuild the input.
 */
class TaskEditCodecPropertyTest {
    /** jqwik's default maximum string length, which the original property ran with. */
    private static final int MAX_TEXT = 255;
    private static final int MAX_TAGS_IN_EDIT = 5;
    private static final int MAX_TAGS = 10;
    private static final List<Long> EDGE_LONGS = List.of(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE,
            99_999_999_999_999L, -99_999_999_999_999L, 100_000_000_000_000L);

    /** Twice the original's 150 and 100 tries; a case costs well under a millisecond. */
    static LongStream editSeeds() {
        return LongStream.range(0, 300);
    }

    static LongStream tagSeeds() {
        return LongStream.range(0, 200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("editSeeds")
    void anyEditSurvivesEncoding(long seed) {
        TaskEdit edit = editCase(seed);
        assertRoundTrips(edit, "seed " + seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("tagSeeds")
    void anyTagListSurvivesEncoding(long seed) {
        List<String> tags = tagCase(seed);
        assertTagsRoundTrip(tags, "seed " + seed);
    }

    static Stream<String> trickyStrings() {
        String maxAscii = "x".repeat(MAX_TEXT);
        String maxPairs = "🎉".repeat(MAX_TEXT / 2) + "%";
        return Stream.concat(RandomInputs.TRICKY.stream(), Stream.of(
                maxAscii, maxPairs, "5:".repeat(MAX_TEXT / 2), "\\".repeat(MAX_TEXT), "a".repeat(100_000),
                "\uD83D", "\uDE00", "a\uDE00\uD83Db", "\uD83D\uD83D", "title=", "title=99:", "99999999999:x",
                "-5:", "1:" + "\u0000"));
    }

    /** Every hand-picked string, in every text field and as tags, at once and alone. */
    @ParameterizedTest(name = "tricky string #{index}")
    @MethodSource("trickyStrings")
    void trickyStringsSurviveInEveryTextField(String s) {
        String where = "string " + visible(s);
        assertRoundTrips(TaskEdit.none().title(s), where);
        assertRoundTrips(TaskEdit.none().description(s), where);
        assertRoundTrips(TaskEdit.none().tags(List.of(s)), where);
        assertRoundTrips(TaskEdit.none().title(s).description(s).completed(true).priority(Priority.HIGH)
                .tags(List.of(s, "", s)).clearDueAt(), where);
        assertTagsRoundTrip(List.of(s), where);
        assertTagsRoundTrip(List.of(s, s, ""), where);
    }

    @Test
    void edgeEditsSurviveEncoding() {
        assertRoundTrips(TaskEdit.none(), "no field set");
        assertRoundTrips(TaskEdit.none().title("").description("").tags(List.of()).clearDueAt(), "all empty");
        for (Priority p : Priority.values()) {
            assertRoundTrips(TaskEdit.none().priority(p), "priority " + p);
        }
        for (boolean done : new boolean[] {true, false}) {
            assertRoundTrips(TaskEdit.none().completed(done), "completed " + done);
        }
        for (long millis : EDGE_LONGS) {
            assertRoundTrips(TaskEdit.none().dueAt(due(millis)), "due " + millis);
        }
        assertRoundTrips(TaskEdit.none().title(RandomInputs.TRICKY.toString())
                .description(String.join("", RandomInputs.TRICKY)).completed(false).priority(Priority.NONE)
                .tags(RandomInputs.TRICKY).dueAt(due(Long.MIN_VALUE)), "every field, every tricky string");
    }

    @Test
    void edgeTagListsSurviveEncoding() {
        assertTagsRoundTrip(List.of(), "empty list");
        assertTagsRoundTrip(List.of(""), "one empty tag");
        assertTagsRoundTrip(Collections.nCopies(MAX_TAGS, ""), "only empty tags");
        assertTagsRoundTrip(Collections.nCopies(MAX_TAGS, "x".repeat(MAX_TEXT)), "max tags of max length");
        assertTagsRoundTrip(RandomInputs.TRICKY, "every tricky string");
        assertTagsRoundTrip(IntStream.range(0, 2_000).mapToObj(i -> i + ":" + "%_\\".repeat(i % 7)).toList(),
                "2000 tags");
    }

    /** Each field is set or kept independently; values are drawn like the original's {@code @ForAll}. */
    static TaskEdit editCase(long seed) {
        RandomGenerator rng = RandomInputs.forSeed(seed);
        TaskEdit e = TaskEdit.none();
        if (rng.nextBoolean()) e = e.title(anyText(rng));
        if (rng.nextBoolean()) e = e.description(anyText(rng));
        if (rng.nextBoolean()) e = e.completed(rng.nextBoolean());
        if (rng.nextBoolean()) e = e.priority(pick(rng, List.of(Priority.values())));
        if (rng.nextBoolean()) e = e.tags(tagList(rng, MAX_TAGS_IN_EDIT));
        if (rng.nextBoolean()) e = rng.nextBoolean() ? e.dueAt(due(anyLong(rng))) : e.clearDueAt();
        return e;
    }

    static List<String> tagCase(long seed) {
        return tagList(RandomInputs.forSeed(seed), MAX_TAGS);
    }

    /** Tags may be empty or repeated: the codec must not care. */
    private static List<String> tagList(RandomGenerator rng, int maxSize) {
        int n = size(rng, 0, maxSize);
        List<String> tags = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tags.add(!tags.isEmpty() && chance(rng, 0.1) ? pick(rng, tags) : anyText(rng));
        }
        return tags;
    }

    /** Lone surrogates included: the codec is plain Java and must keep any {@code String} intact. */
    private static String anyText(RandomGenerator rng) {
        return chance(rng, 0.2) ? pick(rng, RandomInputs.TRICKY) : RandomInputs.text(rng, MAX_TEXT, true);
    }

    private static long anyLong(RandomGenerator rng) {
        return chance(rng, 0.2) ? pick(rng, EDGE_LONGS) : rng.nextLong();
    }

    /** As in the original: any long, kept inside the range {@link Instant} and the column accept. */
    private static Instant due(long millis) {
        return Instant.ofEpochMilli(millis % 100_000_000_000_000L);
    }

    private static void assertRoundTrips(TaskEdit edit, String where) {
        String encoded = TaskEditCodec.encode(edit);
        TaskEdit decoded = decoding(where, encoded, TaskEditCodec::decode);
        assertThat(decoded).as(() -> where + ", encoded " + visible(encoded)).isEqualTo(edit);
    }

    private static void assertTagsRoundTrip(List<String> tags, String where) {
        String encoded = TaskEditCodec.encodeTags(tags);
        List<String> decoded = decoding(where, encoded, TaskEditCodec::decodeTags);
        assertThat(decoded).as(() -> where + ", encoded " + visible(encoded)).isEqualTo(tags);
    }

    /** A decoder that throws is a failed case too; keep the seed in its message. */
    private static <T> T decoding(String where, String encoded, Function<String, T> decoder) {
        try {
            return decoder.apply(encoded);
        } catch (RuntimeException e) {
            throw new AssertionError(where + ": could not decode " + visible(encoded), e);
        }
    }
}
