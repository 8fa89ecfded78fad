package dev.tododesktop.server.sync;

import dev.tododesktop.contract.ApiPaths;
import dev.tododesktop.contract.sync.SyncPushRequest;
import dev.tododesktop.server.auth.UserScope;
import dev.tododesktop.server.events.Cursor;
import dev.tododesktop.server.http.ApiException;
import dev.tododesktop.server.http.JsonBodies;
import dev.tododesktop.server.http.QueryParams;
import dev.tododesktop.server.http.RouteGroup;
import dev.tododesktop.server.http.ServerJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/** {@code GET} and {@code POST /api/{user_id}/sync}. */
public final class SyncRoutes implements RouteGroup {

    private final UserScope scope;
    private final SyncService sync;
    private final JsonBodies bodies;

    public SyncRoutes(UserScope scope, SyncService sync, JsonBodies bodies) {
        this.scope = scope;
        this.sync = sync;
        this.bodies = bodies;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(ApiPaths.SYNC, this::pull);
        routes.post(ApiPaths.SYNC, this::push);
    }

    private void pull(Context ctx) {
        var user = scope.require(ctx).userId();
        String rawCursor = ctx.queryParam("cursor");
        Optional<Cursor> cursor = rawCursor == null || rawCursor.isEmpty()
                ? Optional.empty() : Optional.of(Cursor.decode(rawCursor));
        long limit = QueryParams.longParam(ctx, "limit").orElse((long) SyncService.DEFAULT_PULL_LIMIT);
        if (limit < 1 || limit > SyncService.MAX_PULL_LIMIT) {
            throw ApiException.validation("limit", "limit must be between 1 and " + SyncService.MAX_PULL_LIMIT + ".");
        }
        ServerJson.write(ctx, sync.pull(user, cursor, (int) limit));
    }

    private void push(Context ctx) {
        var principal = scope.require(ctx);
        ServerJson.write(ctx, sync.push(principal.userId(), principal.sessionId(), bodies.read(ctx, SyncPushRequest.class)));
    }
}
