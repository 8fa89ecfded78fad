package dev.tododesktop.server.tasks;

import dev.tododesktop.server.db.Database;
import dev.tododesktop.server.events.ChangeNotifier;
import dev.tododesktop.server.events.Cursor;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * Runs a user's writes in one transaction that first locks the user's {@code sync_state} row.
 * On PostgreSQL that is {@code SELECT … FOR UPDATE}; on SQLite the transaction is IMMEDIATE, so
 * it already holds the database's write lock. Either way two pushes for the same task cannot
 * interleave, and change sequence numbers commit in the order they were handed out, which the
 * sync cursor relies on.
 */
public final class UserWrites {

    /** A user's sequence position: the newest change and the newest pruned tombstone. */
    public record SeqState(long lastSeq, long prunedSeq) {}

    private final Database database;
    private final Clock clock;
    private final ChangeNotifier notifier;

    public UserWrites(Database database, Clock clock, ChangeNotifier notifier) {
        this.database = database;
        this.clock = clock;
        this.notifier = notifier;
    }

    public <T> T inTransaction(UUID userId, Function<UserTransaction, T> work) {
        var tx = new UserTransaction[1];
        T result = database.jdbi().inTransaction(h -> {
            var state = lock(h, userId);
            var t = new UserTransaction(h, userId, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS),
                    state.lastSeq(), state.prunedSeq());
            T value = work.apply(t);
            if (t.changed()) {
                h.createUpdate("UPDATE sync_state SET last_seq = :seq WHERE user_id = :user")
                        .bind("seq", t.lastSeq()).bind("user", userId.toString()).execute();
                notifier.beforeCommit(h, userId, new Cursor(t.lastSeq(), t.prunedSeq()));
            }
            tx[0] = t;
            return value;
        });
        if (tx[0].changed()) {
            notifier.afterCommit(userId, new Cursor(tx[0].lastSeq(), tx[0].prunedSeq()));
        }
        return result;
    }

    /** The user's sequence state without locking (reads). */
    public static SeqState read(Handle h, UUID userId) {
        return h.createQuery("SELECT last_seq, pruned_seq FROM sync_state WHERE user_id = :user")
                .bind("user", userId.toString())
                .map((rs, ctx) -> new SeqState(rs.getLong(1), rs.getLong(2)))
                .findOne()
                .orElse(new SeqState(0, 0));
    }

    private SeqState lock(Handle h, UUID userId) {
        String forUpdate = database.dialect() == Database.Dialect.POSTGRES ? " FOR UPDATE" : "";
        Optional<SeqState> state = selectState(h, userId, forUpdate);
        if (state.isPresent()) {
            return state.get();
        }
        h.createUpdate("INSERT INTO sync_state (user_id, last_seq, pruned_seq) VALUES (:user, 0, 0) "
                        + "ON CONFLICT (user_id) DO NOTHING")
                .bind("user", userId.toString()).execute();
        return selectState(h, userId, forUpdate).orElseThrow();
    }

    private static Optional<SeqState> selectState(Handle h, UUID userId, String forUpdate) {
        return h.createQuery("SELECT last_seq, pruned_seq FROM sync_state WHERE user_id = :user" + forUpdate)
                .bind("user", userId.toString())
                .map((rs, ctx) -> new SeqState(rs.getLong(1), rs.getLong(2)))
                .findOne();
    }
}
