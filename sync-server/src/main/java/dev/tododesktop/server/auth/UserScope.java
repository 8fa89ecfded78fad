package dev.tododesktop.server.auth;

import dev.tododesktop.contract.ApiPaths;
import dev.tododesktop.server.http.ApiException;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.UUID;

/**
 * Resolves who a {@code /api/{user_id}/…} request acts for: the token first (401), then the
 * path's {@code user_id}, which must be the token's subject, else 404, as is a malformed id, so
 * a caller learns nothing about other accounts.
 */
public final class UserScope {

    private final AccessGuard guard;

    public UserScope(AccessGuard guard) {
        this.guard = guard;
    }

    public Principal require(Context ctx) {
        Principal principal = guard.require(ctx);
        UUID pathUser = uuid(ctx.pathParam(ApiPaths.PARAM_USER_ID)).orElseThrow(ApiException::notFound);
        if (!pathUser.equals(principal.userId())) {
            throw ApiException.notFound();
        }
        return principal;
    }

    /** A path id; anything that is not a canonical UUID is simply not found. */
    public static UUID pathId(Context ctx, String name) {
        return uuid(ctx.pathParam(name)).orElseThrow(ApiException::notFound);
    }

    static Optional<UUID> uuid(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equalsIgnoreCase(text) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
