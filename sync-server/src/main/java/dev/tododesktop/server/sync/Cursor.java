package dev.tododesktop.server.sync;

import dev.tododesktop.server.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque sync cursor: a user's change sequence number, versioned and base64url-encoded so
 * clients store it rather than do arithmetic on it.
 */
public final class Cursor {

    private static final String PREFIX = "c1:";

    private Cursor() {}

    public static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + seq).getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws ApiException 400 when the text is not a cursor this server issued */
    public static long decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.startsWith(PREFIX)) {
                String digits = text.substring(PREFIX.length());
                if (!digits.isEmpty() && digits.length() <= 18 && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    return Long.parseLong(digits);
                }
            }
        } catch (IllegalArgumentException e) {
            // not base64; answered below
        }
        throw ApiException.badRequest("The cursor is not one this server issued.");
    }
}
