package dev.tododesktop.server.sync;

import dev.tododesktop.contract.ApiPaths;
import dev.tododesktop.server.auth.UserScope;
import dev.tododesktop.server.events.Cursor;
import dev.tododesktop.server.http.ApiException;
import dev.tododesktop.server.http.ApiRoutes;
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
        ApiRoutes.get(routes, ApiPaths.SYNC, this::pull, "cursor", "limit");
        routes.post(ApiPaths.SYNC, this::push);
    }

    private void pull(Context ctx) {
        var user = scope.require(ctx).userId();
        Optional<Cursor> cursor = ApiRoutes.query(ctx).get("cursor").map(Cursor::decode);
        long limit = QueryParams.longParam(ctx, "limit").orElse((long) SyncService.DEFAULT_PULL_LIMIT);
        if (limit < 1 || limit > SyncService.MAX_PULL_LIMIT) {
            throw ApiException.validation("limit", "limit must be between 1 and " + SyncService.MAX_PULL_LIMIT + ".");
        }
        ServerJson.write(ctx, sync.pull(user, cursor, (int) limit));
    }

    private void push(Context ctx) {
        var principal = scope.require(ctx);
        var push = PushBody.read(bodies, ctx);
        ServerJson.write(ctx, sync.push(principal.userId(), principal.sessionId(), push.items(), push.acknowledged()));
    }
}
