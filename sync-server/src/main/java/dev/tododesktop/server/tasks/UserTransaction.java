package dev.tododesktop.server.tasks;

import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * One user's write transaction: the handle, the instant of the change, and the user's change
 * sequence, whose row is locked for the whole transaction so the user's writers queue and
 * sequence numbers become visible in order.
 */
public final class UserTransaction {

    private final Handle handle;
    private final UUID userId;
    private final Instant now;
    private final long prunedSeq;
    private long lastSeq;
    private final long startSeq;

    UserTransaction(Handle handle, UUID userId, Instant now, long lastSeq, long prunedSeq) {
        this.handle = handle;
        this.userId = userId;
        this.now = now;
        this.lastSeq = lastSeq;
        this.startSeq = lastSeq;
        this.prunedSeq = prunedSeq;
    }

    public Handle handle() {
        return handle;
    }

    public UUID userId() {
        return userId;
    }

    public Instant now() {
        return now;
    }

    /** The next change sequence number; each changed task takes its own. */
    public long nextSeq() {
        return ++lastSeq;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public long prunedSeq() {
        return prunedSeq;
    }

    boolean changed() {
        return lastSeq != startSeq;
    }
}
