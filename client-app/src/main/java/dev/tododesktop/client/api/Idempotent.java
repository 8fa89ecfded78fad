package dev.tododesktop.client.api;

import okhttp3.Request;

/**
 * Tag for a POST that is safe to send twice (a sync push whose mutations carry ids). GET, HEAD,
 * PUT, DELETE and OPTIONS are idempotent by method and need no tag.
 */
public enum Idempotent {
    MARKED;

    static boolean isIdempotent(Request request) {
        return switch (request.method()) {
            case "GET", "HEAD", "PUT", "DELETE", "OPTIONS" -> true;
            default -> request.tag(Idempotent.class) == MARKED;
        };
    }
}
