package dev.tododesktop.contract;

import java.util.Optional;

/**
 * The text rules every field of the API shares, on both sides. What counts as "blank" and what
 * trimming removes are one notion: white space of every kind (no-break, ideographic, line and
 * paragraph separators included), invisible format characters (zero-width space and joiners,
 * word joiner, byte order mark, soft hyphen, direction marks), control characters and the
 * Hangul fillers that render as nothing. A title made only of those is empty, and lengths are
 * counted after trimming them from both ends.
 */
public final class Text {

    private Text() {}

    /** Whether a person sees nothing where this code point is. */
    public static boolean isInvisible(int codePoint) {
        if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
            return true;
        }
        int type = Character.getType(codePoint);
        return type == Character.FORMAT || type == Character.CONTROL
                || codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xFFA0
                || codePoint == 0x2800;
    }

    /** {@code s} without invisible code points at either end; null stays null. */
    public static String trim(String s) {
        if (s == null) {
            return null;
        }
        int start = 0;
        int end = s.length();
        while (start < end) {
            int cp = s.codePointAt(start);
            if (!isInvisible(cp)) {
                break;
            }
            start += Character.charCount(cp);
        }
        while (end > start) {
            int cp = s.codePointBefore(end);
            if (!isInvisible(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return s.substring(start, end);
    }

    /** Null, empty, or nothing but invisible code points. */
    public static boolean isBlank(String s) {
        return s == null || s.codePoints().allMatch(Text::isInvisible);
    }

    /** Length in Unicode code points, the unit every {@code max length} of the API counts. */
    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /**
     * Why no field may hold this text, or empty: a NUL character (PostgreSQL cannot store it, so
     * neither database takes it), or half of a surrogate pair (a JSON escape like
     * {@code \}{@code ud800} with no partner: not a character, and not storable as UTF-8).
     */
    public static Optional<String> unstorable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return Optional.of("Text cannot contain the NUL character (U+0000).");
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("Text cannot contain an unpaired surrogate (\\u" + String.format("%04x", (int) c)
                        + "); send whole characters.");
            }
        }
        return Optional.empty();
    }
}
