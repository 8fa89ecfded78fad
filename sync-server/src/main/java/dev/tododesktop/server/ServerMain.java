package dev.tododesktop.server;

import dev.tododesktop.server.config.ConfigException;
import dev.tododesktop.server.config.EnvironmentConfig;
import dev.tododesktop.server.config.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar todo-server.jar}: configuration from the environment, then {@link TodoServer}. */
public final class ServerMain {

    private ServerMain() {}

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "todo-server-logback.xml");
        }
        ServerConfig config;
        try {
            config = EnvironmentConfig.from(System.getenv());
        } catch (ConfigException e) {
            System.err.println("todo-server: cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        Logger log = LoggerFactory.getLogger(ServerMain.class);
        TodoServer server;
        try {
            server = TodoServer.start(config);
        } catch (RuntimeException e) {
            log.error("Cannot start: {}", e.getMessage(), e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            log.info("Stopping");
            server.close();
        }));
        log.info("Todo sync server listening on {} (database {}); metrics on {}", server.baseUri(),
                config.databaseUrl().jdbcUrl(), server.managementUri().map(u -> u + "/metrics").orElse("no address (off)"));
    }
}
