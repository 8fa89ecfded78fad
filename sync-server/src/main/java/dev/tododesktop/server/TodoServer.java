package dev.tododesktop.server;

import dev.tododesktop.server.config.ServerConfig;
import dev.tododesktop.server.db.Database;
import dev.tododesktop.server.http.HttpSetup;
import dev.tododesktop.server.http.RouteGroup;
import dev.tododesktop.server.ops.OpsRoutes;
import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The sync server as a library: the standalone {@link ServerMain} and the desktop app (which
 * embeds it on loopback) both start it here, with a {@link ServerConfig} and nothing global.
 *
 * <pre>{@code
 * try (var server = TodoServer.start(ServerConfig.embedded(dataDir))) {
 *     URI api = server.baseUri();
 * }
 * }</pre>
 */
public final class TodoServer implements AutoCloseable {

    private final ServerConfig config;
    private final Database database;
    private final PrometheusMeterRegistry metrics;
    private final ServerComponents components;
    private final Javalin app;
    private final Optional<Javalin> management;

    private TodoServer(ServerConfig config, Database database, PrometheusMeterRegistry metrics,
                       ServerComponents components, Javalin app, Optional<Javalin> management) {
        this.config = config;
        this.database = database;
        this.metrics = metrics;
        this.components = components;
        this.app = app;
        this.management = management;
    }

    public static TodoServer start(ServerConfig config) {
        return builder(config).start();
    }

    public static Builder builder(ServerConfig config) {
        return new Builder(config);
    }

    /** The port actually bound (useful when the configuration asked for port 0). */
    public int port() {
        return app.port();
    }

    public URI baseUri() {
        return uri(config.bindAddress(), port());
    }

    /** Where {@code /metrics} is served, if anywhere: the management address, never the API's. */
    public Optional<URI> managementUri() {
        return management.map(m -> uri(config.managementAddress().orElseThrow().getAddress(), m.port()));
    }

    private static URI uri(InetAddress bind, int port) {
        String host = bind.isAnyLocalAddress() ? InetAddress.getLoopbackAddress().getHostAddress() : bind.getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port);
    }

    public ServerConfig config() {
        return config;
    }

    public Database database() {
        return database;
    }

    public PrometheusMeterRegistry metrics() {
        return metrics;
    }

    public ServerComponents components() {
        return components;
    }

    @Override
    public void close() {
        try {
            components.close();
            management.ifPresent(Javalin::stop);
            app.stop();
        } finally {
            database.close();
            metrics.close();
        }
    }

    public static final class Builder {
        private final ServerConfig config;
        private Clock clock = Clock.systemUTC();
        private final List<RouteGroup> extraRoutes = new ArrayList<>();

        private Builder(ServerConfig config) {
            this.config = Objects.requireNonNull(config);
        }

        /** The clock for token lifetimes, rate limits and timestamps; tests move it. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Routes beside the API, e.g. the benchmark's bare hello route. */
        public Builder extraRoutes(RouteGroup routes) {
            extraRoutes.add(Objects.requireNonNull(routes));
            return this;
        }

        public TodoServer start() {
            var metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            new JvmMemoryMetrics().bindTo(metrics);
            new JvmThreadMetrics().bindTo(metrics);
            var database = Database.open(config.databaseUrl(), config.maxDatabaseConnections());
            ServerComponents components = null;
            Optional<Javalin> management = Optional.empty();
            try {
                components = ServerComponents.create(config, database, metrics, clock);
                var groups = new ArrayList<RouteGroup>();
                groups.add(OpsRoutes.api(database));
                groups.addAll(components.routeGroups());
                groups.addAll(extraRoutes);
                var http = new HttpSetup(metrics, config.corsOrigins());
                management = config.managementAddress().map(address -> {
                    var ops = OpsRoutes.management(database, metrics);
                    var m = Javalin.create(javalin -> {
                        http.applyToManagement(javalin);
                        ops.addTo(javalin.routes);
                    });
                    return m.start(address.getAddress().getHostAddress(), address.getPort());
                });
                var app = Javalin.create(javalin -> {
                    http.apply(javalin);
                    groups.forEach(group -> group.addTo(javalin.routes));
                });
                app.start(config.bindAddress().getHostAddress(), config.port());
                return new TodoServer(config, database, metrics, components, app, management);
            } catch (RuntimeException e) {
                management.ifPresent(Javalin::stop);
                if (components != null) {
                    components.close();
                }
                database.close();
                metrics.close();
                throw e;
            }
        }
    }
}
