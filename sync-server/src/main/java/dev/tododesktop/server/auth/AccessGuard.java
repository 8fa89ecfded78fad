package dev.tododesktop.server.auth;

import io.javalin.http.Context;

/**
 * Checks a request's bearer token (signature, issuer, audience, expiry, live session) and says
 * whom it acts for. Every protected route asks it first; it throws a 401 {@code ApiException}
 * when the request may not proceed.
 */
@FunctionalInterface
public interface AccessGuard {
    Principal require(Context ctx);
}
