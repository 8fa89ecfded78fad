package dev.tododesktop.server.ops;

import dev.tododesktop.server.db.Database;
import dev.tododesktop.server.http.ApiException;
import dev.tododesktop.server.http.ApiRoutes;
import dev.tododesktop.server.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /health} (the process runs) and {@code /ready} (the database answers) on the API
 * address, for load balancers; on the management address also {@code /metrics} (Prometheus
 * text), which says too much about the server's use to be served beside the API.
 */
public final class OpsRoutes implements RouteGroup {

    private final Database database;
    private final Optional<PrometheusMeterRegistry> metrics;

    private OpsRoutes(Database database, Optional<PrometheusMeterRegistry> metrics) {
        this.database = database;
        this.metrics = metrics;
    }

    /** What the API address serves besides the API. */
    public static OpsRoutes api(Database database) {
        return new OpsRoutes(database, Optional.empty());
    }

    /** What the management address serves. */
    public static OpsRoutes management(Database database, PrometheusMeterRegistry registry) {
        return new OpsRoutes(database, Optional.of(registry));
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
        metrics.ifPresent(registry -> ApiRoutes.get(routes, "/metrics", ctx -> ctx
                .contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(registry.scrape())));
    }
}
