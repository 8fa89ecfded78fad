package dev.tododesktop.server.http;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads query parameters from the strictly parsed query ({@link ApiRoutes#query}, already checked
 * for encoding, NUL and repeats): an unknown enum value or a non-number is malformed (400, naming
 * the parameter); a range is the caller's to check (422).
 */
public final class QueryParams {

    private QueryParams() {}

    public static <E> Optional<E> enumParam(Context ctx, String name, Function<String, E> parse) {
        Optional<String> raw = text(ctx, name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse.apply(raw.get()));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name, e.getMessage());
        }
    }

    public static Optional<Long> longParam(Context ctx, String name) {
        Optional<String> value = text(ctx, name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String raw = value.get();
        if (raw.length() > 18 || !isWholeNumber(raw)) {
            throw ApiException.badRequest(name, "Query parameter '" + name + "' must be a whole number.");
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

    /** The parameter, unless absent or empty, from the strictly parsed query ({@link QueryString}). */
    public static Optional<String> text(Context ctx, String name) {
        return ApiRoutes.query(ctx).get(name);
    }
}
