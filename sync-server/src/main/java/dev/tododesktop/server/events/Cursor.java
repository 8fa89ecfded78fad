package dev.tododesktop.server.events;

import dev.tododesktop.server.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque sync cursor: a position in the user's change sequence plus the user's prune horizon
 * when it was issued, base64url-encoded so clients store it rather than compute with it.
 *
 * <p>The horizon decides whether a cursor is still servable after tombstones were pruned: a
 * client whose cursor predates the pruning of a tombstone it may never have received must start
 * over (410); a client that started after that pruning never had the task, so the missing
 * tombstone costs it nothing, even if its position is below the horizon while it pages.
 */
public record Cursor(long seq, long prunedSeq) {

    private static final String PREFIX = "c1:";

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + seq + ":" + prunedSeq).getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether deletions this cursor's holder has not seen were pruned since it was issued. */
    public boolean expiredBy(long currentPrunedSeq) {
        return seq < currentPrunedSeq && prunedSeq < currentPrunedSeq;
    }

    /** @throws ApiException 400 when the text is not a cursor this server issued */
    public static Cursor decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.startsWith(PREFIX)) {
                String[] parts = text.substring(PREFIX.length()).split(":", -1);
                if (parts.length == 2 && isNumber(parts[0]) && isNumber(parts[1])) {
                    return new Cursor(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
                }
            }
        } catch (IllegalArgumentException e) {
            // not base64; answered below
        }
        throw ApiException.badRequest("cursor", "The cursor is not one this server issued.");
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.length() <= 18 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
