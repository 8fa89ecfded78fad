package dev.tododesktop.server.ops;

import dev.tododesktop.server.db.Database;
import dev.tododesktop.server.http.ApiException;
import dev.tododesktop.server.http.ApiRoutes;
import dev.tododesktop.server.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;

/** {@code /health} (the process runs), {@code /ready} (the database answers), {@code /metrics} (Prometheus text). */
public final class OpsRoutes implements RouteGroup {

    private final Database database;
    private final PrometheusMeterRegistry registry;

    public OpsRoutes(Database database, PrometheusMeterRegistry registry) {
        this.database = database;
        this.registry = registry;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        ApiRoutes.get(routes, "/health", ctx -> ctx.json(Map.of("status", "ok")));
        ApiRoutes.get(routes, "/ready", ctx -> {
            if (!database.isReady()) {
                throw ApiException.serviceUnavailable("The database does not answer.");
            }
            ctx.json(Map.of("status", "ready"));
        });
        ApiRoutes.get(routes, "/metrics", ctx -> ctx
                .contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(registry.scrape()));
    }
}
