package dev.tododesktop.server.testing;

import dev.tododesktop.server.db.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM (zonky's binaries from Maven Central, no Docker),
 * started on first use; each test gets its own database in it, so tests never see each
 * other's rows and the server starts only once.
 */
public final class EmbeddedPostgresHolder {

    private static final AtomicInteger counter = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private EmbeddedPostgresHolder() {}

    public static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
            var started = postgres;
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the temp directory goes with it
                }
            }));
        }
        return postgres;
    }

    public static DatabaseUrl freshDatabase() {
        var pg = server();
        String name = "todo_test_" + counter.incrementAndGet();
        try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return new DatabaseUrl.Postgres(pg.getJdbcUrl("postgres", name), Optional.of("postgres"), Optional.empty());
    }
}
