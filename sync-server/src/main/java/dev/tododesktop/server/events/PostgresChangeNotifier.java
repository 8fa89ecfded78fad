package dev.tododesktop.server.events;

import dev.tododesktop.server.db.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several instances share PostgreSQL: a write queues {@code NOTIFY todo_task_changes} inside its
 * transaction (delivered only on commit, to every instance), and each instance LISTENs on a
 * dedicated connection and republishes into its {@link ChangeHub}. The writing instance also
 * publishes at once after commit; streams ignore a sequence number they already sent. After a
 * lost connection it reconnects and re-announces every listened-to user's newest sequence, so a
 * notification missed meanwhile costs a delay, never an event.
 */
public final class PostgresChangeNotifier implements ChangeNotifier, AutoCloseable {

    static final String CHANNEL = "todo_task_changes";
    private static final Logger log = LoggerFactory.getLogger(PostgresChangeNotifier.class);
    private static final Duration POLL = Duration.ofMillis(250);

    private final DatabaseUrl.Postgres url;
    private final ChangeHub hub;
    private final Function<UUID, Cursor> newest;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Connection connection;

    public PostgresChangeNotifier(DatabaseUrl.Postgres url, ChangeHub hub, Function<UUID, Cursor> newest) {
        this.url = url;
        this.hub = hub;
        this.newest = newest;
        this.thread = Thread.ofPlatform().daemon().name("pg-change-listener").start(this::run);
    }

    @Override
    public void beforeCommit(Handle handle, UUID userId, Cursor cursor) {
        handle.createQuery("SELECT pg_notify(:channel, :payload)")
                .bind("channel", CHANNEL)
                .bind("payload", userId + ":" + cursor.seq() + ":" + cursor.prunedSeq())
                .mapTo(String.class)
                .findOne();
    }

    @Override
    public void afterCommit(UUID userId, Cursor cursor) {
        hub.publish(userId, cursor);
    }

    private void run() {
        long backoff = 100;
        boolean reconnected = false;
        while (running) {
            try (Connection c = connect()) {
                connection = c;
                try (var s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                if (reconnected) {
                    catchUp();
                }
                backoff = 100;
                var pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications((int) POLL.toMillis());
                    if (notifications != null) {
                        for (var n : notifications) {
                            deliver(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Change notification connection lost; reconnecting in {} ms: {}", backoff, e.toString());
                reconnected = true;
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    private Connection connect() throws SQLException {
        var props = new Properties();
        url.user().ifPresent(u -> props.setProperty("user", u));
        url.password().ifPresent(p -> props.setProperty("password", p));
        props.setProperty("ApplicationName", "todo-server change listener");
        props.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(url.jdbcUrl(), props);
    }

    private void catchUp() {
        for (UUID user : hub.users()) {
            hub.publish(user, newest.apply(user));
        }
    }

    private void deliver(String payload) {
        String[] parts = payload.split(":");
        if (parts.length != 3) {
            return;
        }
        try {
            hub.publish(UUID.fromString(parts[0]), new Cursor(Long.parseLong(parts[1]), Long.parseLong(parts[2])));
        } catch (IllegalArgumentException e) {
            log.warn("Ignoring a malformed change notification");
        }
    }

    @Override
    public void close() {
        running = false;
        var c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
