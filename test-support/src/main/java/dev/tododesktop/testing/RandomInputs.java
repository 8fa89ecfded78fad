package dev.tododesktop.testing;

import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Seeded input generators for the property-style tests. Each case gets its own generator from
 * {@link #forSeed}, so a failing case is replayed by running the test with the seed named in
 * its display name and message. The generators lean on purpose towards the inputs that break
 * codecs and queries: empty and maximum-length strings, the codec's own separators, SQL
 * wildcards, quotes, backslashes, control characters, RTL text, combining marks and
 * characters outside the BMP (surrogate pairs, emoji).
 */
public final class RandomInputs {
    /** Strings chosen by hand because they have broken, or plausibly could break, encoders and queries. */
    public static final List<String> TRICKY = List.of(
            "", " ", "%", "_", "\\", "'", "\"", "'\"", "100%", "a_b", "%_\\", "5:x", "title=3:", "0:", "=", ":",
            "3:abc", "tags=2:ab", "due_at=0:", "-1:", "🎉", "👍🏽", "👨‍👩‍👧", "𝄞", "مرحبا", "שלום", "\u202Eevil",
            "\u200F\u200E", "a\u0301", "\u0000", "x\u0000y", "\n", "\r\n\t", "\uFEFF", "\uFFFF", "日本語", "  padded  ");

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private RandomInputs() {
    }

    /** The generator for one case; {@link SplittableRandom} mixes the seed, so neighbouring seeds are unrelated. */
    public static RandomGenerator forSeed(long seed) {
        return new SplittableRandom(seed);
    }

    public static boolean chance(RandomGenerator rng, double probability) {
        return rng.nextDouble() < probability;
    }

    public static <T> T pick(RandomGenerator rng, List<T> options) {
        return options.get(rng.nextInt(options.size()));
    }

    /** An index into {@code weights}, each chosen in proportion to its weight. */
    public static int weighted(RandomGenerator rng, int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int roll = rng.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        throw new AssertionError("unreachable");
    }

    /** A size in {@code [min, max]} that hits both bounds (and {@code min + 1}) far more often than uniform would. */
    public static int size(RandomGenerator rng, int min, int max) {
        return switch (weighted(rng, 1, 1, 1, 7)) {
            case 0 -> min;
            case 1 -> Math.min(min + 1, max);
            case 2 -> max;
            default -> rng.nextInt(min, max + 1);
        };
    }

    /**
     * A string of at most {@code maxLength} UTF-16 chars (the unit {@code String.length()} and the
     * codec's length prefix count). Pieces are single code points or whole {@link #TRICKY} strings,
     * so separators and wildcards also turn up in the middle of other text. A surrogate pair is
     * never split; lone surrogates appear only if {@code loneSurrogates}, since only pure-Java code
     * (not SQLite, which stores UTF-8) can keep them.
     */
    public static String text(RandomGenerator rng, int maxLength, boolean loneSurrogates) {
        int length = size(rng, 0, maxLength);
        StringBuilder out = new StringBuilder(length);
        while (out.length() < length) {
            int room = length - out.length();
            String piece = chance(rng, 0.1) ? pick(rng, TRICKY) : Character.toString(codePoint(rng, loneSurrogates));
            if (piece.length() > room) {
                piece = Character.toString('a' + rng.nextInt(26));
            }
            out.append(piece);
        }
        return out.toString();
    }

    /** One code point, weighted towards the classes of character that tend to expose encoding bugs. */
    public static int codePoint(RandomGenerator rng, boolean loneSurrogates) {
        return switch (weighted(rng, 30, 15, 5, 20, 8, 5, 8, 5, loneSurrogates ? 4 : 0)) {
            case 0 -> rng.nextInt(0x20, 0x7F);                          // printable ASCII
            case 1 -> "=:0123456789%_\\".charAt(rng.nextInt(15));       // the codec's structure, wildcards
            case 2 -> rng.nextBoolean() ? rng.nextInt(0x00, 0x20) : 0x7F; // control characters, NUL
            case 3 -> bmpNonSurrogate(rng);                             // anything else in the BMP
            case 4 -> rng.nextInt(4) == 0 ? pick(rng, List.of(0x200E, 0x200F, 0x202E, 0x061C))
                    : rng.nextInt(0x0590, 0x0700);                      // Hebrew, Arabic, bidi marks
            case 5 -> rng.nextInt(0x0300, 0x0370);                      // combining marks
            case 6 -> rng.nextInt(0x1F300, 0x1FB00);                    // emoji (surrogate pairs)
            case 7 -> rng.nextInt(0x10000, Character.MAX_CODE_POINT + 1); // any supplementary code point
            default -> rng.nextInt(Character.MIN_SURROGATE, Character.MAX_SURROGATE + 1); // a lone surrogate
        };
    }

    private static int bmpNonSurrogate(RandomGenerator rng) {
        int c = rng.nextInt(0x80, 0x10000 - (Character.MAX_SURROGATE - Character.MIN_SURROGATE + 1));
        return c < Character.MIN_SURROGATE ? c : c + (Character.MAX_SURROGATE - Character.MIN_SURROGATE + 1);
    }

    /** A version-4 UUID drawn from {@code rng}, so task ids are the same on every replay of a seed. */
    public static UUID uuid(RandomGenerator rng) {
        long msb = (rng.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (rng.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    /** Shows control characters, bidi marks and lone surrogates in a failure message. */
    public static String visible(Object value) {
        StringBuilder out = new StringBuilder();
        String s = String.valueOf(value);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                out.append(c);
            } else {
                out.append("\\u").append(HEX.formatHex(new byte[] {(byte) (c >> 8), (byte) c}));
            }
        }
        return out.toString();
    }
}
