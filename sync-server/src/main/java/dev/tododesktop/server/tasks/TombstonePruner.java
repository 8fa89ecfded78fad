package dev.tododesktop.server.tasks;

import dev.tododesktop.server.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes tombstones older than the retention period, by default 90 days, and the mutation ids
 * remembered from before answers were kept (newer answers wait for their device's
 * acknowledgement). A pruned tombstone's id moves to {@code retired_task_ids}, so it stays
 * unusable for creates; the user's {@code pruned_seq} rises to the newest pruned sequence number, and a pull
 * with an older cursor is answered 410 (the client then pulls from scratch, without a cursor).
 */
public final class TombstonePruner {

    public static final Duration RETENTION = Duration.ofDays(90);
    private static final Logger log = LoggerFactory.getLogger(TombstonePruner.class);

    private final Database database;
    private final Clock clock;

    public TombstonePruner(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Prunes what is older than {@code retention}; returns the number of tombstones removed. */
    public int prune(Duration retention) {
        long horizon = clock.millis() - retention.toMillis();
        return database.jdbi().inTransaction(h -> {
            // Raise each affected user's horizon before the rows go.
            h.createUpdate("UPDATE sync_state SET pruned_seq = (SELECT MAX(t.seq) FROM tasks t WHERE t.user_id = sync_state.user_id "
                            + "AND t.deleted = :deleted AND t.updated_at < :horizon) "
                            + "WHERE EXISTS (SELECT 1 FROM tasks t WHERE t.user_id = sync_state.user_id AND t.deleted = :deleted "
                            + "AND t.updated_at < :horizon)")
                    .bind("deleted", true).bind("horizon", horizon).execute();
            h.createUpdate("INSERT INTO retired_task_ids (id) SELECT id FROM tasks WHERE deleted = :deleted AND updated_at < :horizon")
                    .bind("deleted", true).bind("horizon", horizon).execute();
            int removed = h.createUpdate("DELETE FROM tasks WHERE deleted = :deleted AND updated_at < :horizon")
                    .bind("deleted", true).bind("horizon", horizon).execute();
            // Only answers from before answers were kept (status NULL) age out; every other answer
            // stays until its device acknowledges it, however long it is offline (docs/sync.md).
            h.createUpdate("DELETE FROM applied_mutations WHERE status IS NULL AND applied_at < :horizon")
                    .bind("horizon", horizon).execute();
            return removed;
        });
    }

    /** Runs {@link #prune} with the default retention once a day; close the result to stop. */
    public AutoCloseable startDaily() {
        var timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("tombstone-pruner").factory());
        timer.scheduleWithFixedDelay(() -> {
            try {
                int n = prune(RETENTION);
                if (n > 0) {
                    log.info("Pruned {} tombstones older than {} days", n, RETENTION.toDays());
                }
            } catch (RuntimeException e) {
                log.warn("Tombstone pruning failed; will try again tomorrow", e);
            }
        }, 1, Duration.ofDays(1).toMinutes(), TimeUnit.MINUTES);
        return timer::shutdownNow;
    }
}
