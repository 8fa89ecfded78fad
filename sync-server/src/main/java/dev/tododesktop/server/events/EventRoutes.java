package dev.tododesktop.server.events;

import dev.tododesktop.contract.ApiPaths;
import dev.tododesktop.server.auth.UserScope;
import dev.tododesktop.server.http.ApiRoutes;
import dev.tododesktop.server.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.sse.SseClient;

/**
 * {@code GET /api/{user_id}/events}. Authorisation happens before any byte of the stream is
 * written, so a refused request is an ordinary problem response (401/404). Unlike Javalin's
 * built-in SSE route it does not insist on an {@code Accept: text/event-stream} header.
 */
public final class EventRoutes implements RouteGroup {

    private final UserScope scope;
    private final EventStreams streams;

    public EventRoutes(UserScope scope, EventStreams streams) {
        this.scope = scope;
        this.streams = streams;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        ApiRoutes.get(routes, ApiPaths.EVENTS, this::events);
    }

    private void events(Context ctx) throws java.io.IOException {
        var principal = scope.require(ctx);
        var res = ctx.res();
        res.setStatus(200);
        res.setCharacterEncoding("UTF-8");
        res.setContentType("text/event-stream");
        res.setHeader("Cache-Control", "no-store");
        res.setHeader("X-Accel-Buffering", "no");
        if (ctx.method() == HandlerType.HEAD) {
            return; // the answer a GET would start with, and no stream
        }
        res.flushBuffer();
        var client = new SseClient(ctx);
        client.keepAlive();
        streams.open(principal, client, ctx.header("Authorization"));
    }
}
