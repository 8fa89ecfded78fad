package dev.tododesktop.server.http;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads query parameters: an unknown enum value or a non-number is malformed (400); a range is
 * the caller's to check (422).
 */
public final class QueryParams {

    private QueryParams() {}

    public static <E> Optional<E> enumParam(Context ctx, String name, Function<String, E> parse) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse.apply(raw));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    public static Optional<Long> longParam(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        if (raw.length() > 18 || !isWholeNumber(raw)) {
            throw ApiException.badRequest("Query parameter '" + name + "' must be a whole number.");
        }
        return Optional.of(Long.parseLong(raw));
    }

    /** {@code -?[0-9]+} without compiling a regex on every request. */
    private static boolean isWholeNumber(String raw) {
        int start = raw.charAt(0) == '-' ? 1 : 0;
        if (start == raw.length()) {
            return false;
        }
        for (int i = start; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The parameter, unless absent or empty. */
    public static Optional<String> text(Context ctx, String name) {
        String s = ctx.queryParam(name);
        return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}
