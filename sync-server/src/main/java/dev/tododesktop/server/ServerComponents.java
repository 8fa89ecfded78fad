package dev.tododesktop.server;

import dev.tododesktop.server.config.ServerConfig;
import dev.tododesktop.server.db.Database;
import dev.tododesktop.server.http.RouteGroup;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Wires the features together by constructor injection: one place that says what depends on
 * what. Each feature adds its route group and, if it runs background work, a closer.
 */
public final class ServerComponents implements AutoCloseable {

    private final List<RouteGroup> routeGroups;
    private final List<AutoCloseable> closeables;

    private ServerComponents(List<RouteGroup> routeGroups, List<AutoCloseable> closeables) {
        this.routeGroups = List.copyOf(routeGroups);
        this.closeables = List.copyOf(closeables);
    }

    static ServerComponents create(ServerConfig config, Database database, MeterRegistry metrics, Clock clock) {
        var routes = new ArrayList<RouteGroup>();
        var closeables = new ArrayList<AutoCloseable>();
        // Features register here: auth, tasks, sync.
        return new ServerComponents(routes, closeables);
    }

    List<RouteGroup> routeGroups() {
        return routeGroups;
    }

    @Override
    public void close() {
        for (var c : closeables.reversed()) {
            try {
                c.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(ServerComponents.class).warn("Error while stopping {}", c, e);
            }
        }
    }
}
