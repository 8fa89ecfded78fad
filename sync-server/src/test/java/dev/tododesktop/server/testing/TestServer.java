package dev.tododesktop.server.testing;

import dev.tododesktop.server.TodoServer;
import dev.tododesktop.server.auth.keys.KeyEncryptionKeys;
import dev.tododesktop.server.config.ServerConfig;
import dev.tododesktop.server.db.DatabaseUrl;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.UnaryOperator;

/** Starts real servers on loopback with a fresh database of the given backend. */
public final class TestServer {

    private TestServer() {}

    public static TodoServer start(Backend backend, Path dir) {
        return start(backend, dir, UnaryOperator.identity(), Clock.systemUTC());
    }

    public static TodoServer start(Backend backend, Path dir, UnaryOperator<ServerConfig> customize, Clock clock) {
        return startOn(backend.freshDatabase(dir), dir, customize, clock);
    }

    /**
     * The key-encryption key every test instance on PostgreSQL is given, as the deployment
     * guide asks of instances sharing a database (on SQLite each server makes its own file).
     */
    public static final KeyEncryptionKeys POSTGRES_KEK = KeyEncryptionKeys.parse(KeyEncryptionKeys.generate());

    /** A server on an existing database: a restart, or a second instance sharing it. */
    public static TodoServer startOn(DatabaseUrl database, Path dir, UnaryOperator<ServerConfig> customize, Clock clock) {
        var base = ServerConfig.embedded(dir).withDatabase(database);
        if (database instanceof DatabaseUrl.Postgres) {
            base = base.withKeyEncryptionKeys(POSTGRES_KEK);
        }
        var config = customize.apply(base);
        return TodoServer.builder(config).clock(clock).start();
    }
}
