package dev.tododesktop.server.auth.sessions;

import dev.tododesktop.server.db.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Revocations over PostgreSQL {@code LISTEN/NOTIFY} on channel {@value #CHANNEL}: every instance
 * keeps one extra connection that listens, and sends session ids (comma-separated, at most 100 per
 * message) after the revoking transaction committed. This shrinks the cross-instance bound from
 * the session-check TTL to roughly the notification latency; if the listening connection drops,
 * it reconnects and the TTL bound covers the gap.
 */
public final class PostgresRevocationBroadcast implements RevocationBroadcast {

    static final String CHANNEL = "todo_session_revoked";
    private static final Logger log = LoggerFactory.getLogger(PostgresRevocationBroadcast.class);
    private static final int IDS_PER_MESSAGE = 100;

    private final Jdbi jdbi;
    private final DatabaseUrl.Postgres url;
    private volatile boolean running = true;
    private volatile Connection listening;
    private Thread thread;

    public PostgresRevocationBroadcast(Jdbi jdbi, DatabaseUrl.Postgres url) {
        this.jdbi = jdbi;
        this.url = url;
    }

    @Override
    public void publish(List<UUID> sessionIds) {
        for (int from = 0; from < sessionIds.size(); from += IDS_PER_MESSAGE) {
            var chunk = sessionIds.subList(from, Math.min(sessionIds.size(), from + IDS_PER_MESSAGE));
            var payload = String.join(",", chunk.stream().map(UUID::toString).toList());
            try {
                jdbi.useHandle(h -> h.createQuery("SELECT pg_notify(:channel, :payload)")
                        .bind("channel", CHANNEL).bind("payload", payload).mapTo(String.class).findOne());
            } catch (RuntimeException e) {
                log.warn("Could not announce {} revoked sessions; other instances see them within the session-check TTL",
                        chunk.size());
            }
        }
    }

    @Override
    public void listen(Consumer<UUID> listener) {
        thread = Thread.ofPlatform().name("session-revocations").daemon(true).start(() -> loop(listener));
    }

    private void loop(Consumer<UUID> listener) {
        while (running) {
            try (Connection connection = connect()) {
                listening = connection;
                try (var statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                var pg = connection.unwrap(PGConnection.class);
                while (running) {
                    var notifications = pg.getNotifications(1000);
                    if (notifications == null) {
                        continue;
                    }
                    for (var n : notifications) {
                        for (String id : n.getParameter().split(",")) {
                            try {
                                listener.accept(UUID.fromString(id));
                            } catch (IllegalArgumentException ignored) {
                                // not ours; nothing to do
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Listening for session revocations failed ({}); retrying in 1 s", e.getSQLState());
                    sleep();
                }
            }
        }
    }

    private Connection connect() throws SQLException {
        var props = new Properties();
        url.user().ifPresent(u -> props.setProperty("user", u));
        url.password().ifPresent(p -> props.setProperty("password", p));
        return DriverManager.getConnection(url.jdbcUrl(), props);
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        var connection = listening;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
