package dev.tododesktop.client.sync;

import dev.tododesktop.store.session.UserStore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the engine knows about its connection (signed out, syncing, offline by the last round or
 * by a dropped stream, when it last synced, the last error), turned into a {@link SyncStatus}
 * with the store's counts and published to listeners when it changed.
 */
final class StatusBoard {

    private static final Logger log = LoggerFactory.getLogger(StatusBoard.class);

    private final UserStore store;
    private final List<Consumer<SyncStatus>> listeners = new CopyOnWriteArrayList<>();
    private final Object publishLock = new Object();

    // guarded by this
    private boolean signedOut;
    private boolean syncing;
    private boolean lastRoundOffline;
    private boolean streamDown;
    private boolean unreachable;
    private Optional<Instant> lastSyncedAt = Optional.empty();
    private Optional<String> lastError = Optional.empty();

    // publishLock
    private SyncStatus lastPublished;

    StatusBoard(UserStore store) {
        this.store = store;
    }

    void addListener(Consumer<SyncStatus> listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    void removeListener(Consumer<SyncStatus> listener) {
        listeners.remove(listener);
    }

    synchronized boolean signedOut() {
        return signedOut;
    }

    /** Answers false when already signed out. */
    synchronized boolean markSignedOut() {
        if (signedOut) {
            return false;
        }
        signedOut = true;
        lastError = Optional.of("signed out");
        return true;
    }

    /** Answers whether it was signed out (and so resumes). */
    synchronized boolean resume() {
        boolean was = signedOut;
        signedOut = false;
        return was;
    }

    synchronized void roundStarted() {
        syncing = true;
    }

    synchronized void roundEnded(SyncRound.Result result, Instant now) {
        syncing = false;
        SyncReport report = result.report();
        switch (report.outcome()) {
            case OK -> {
                lastRoundOffline = false;
                unreachable = false;
                lastSyncedAt = Optional.of(now);
                lastError = Optional.empty();
            }
            case OFFLINE, FAILED -> {
                lastRoundOffline = report.outcome() == SyncReport.Outcome.OFFLINE;
                unreachable = result.unreachable();
                lastError = report.error();
            }
            case SIGNED_OUT, CLOSED -> { }
        }
    }

    synchronized void streamDown(String problem, boolean cannotReach) {
        streamDown = true;
        unreachable |= cannotReach;
        if (lastError.isEmpty()) {
            lastError = Optional.of(problem);
        }
    }

    /** The stream is connected; answers whether the engine was offline until now. */
    synchronized boolean streamUp() {
        boolean wasDown = streamDown || lastRoundOffline;
        streamDown = false;
        return wasDown;
    }

    /** A probe reached the server: the next failure decides again whether it is unreachable. */
    synchronized void serverAnswered() {
        unreachable = false;
    }

    synchronized boolean streamIsDown() {
        return streamDown;
    }

    /** Whether the last try (round or stream) found no server at all. */
    synchronized boolean unreachable() {
        return unreachable && !signedOut;
    }

    /** The current state, read now (pending and conflict counts come from the store). */
    SyncStatus status() {
        SyncStatus.Connectivity connectivity;
        Optional<Instant> synced;
        Optional<String> error;
        synchronized (this) {
            if (signedOut) {
                connectivity = SyncStatus.Connectivity.SIGNED_OUT;
            } else if (syncing) {
                connectivity = SyncStatus.Connectivity.SYNCING;
            } else if (lastRoundOffline || streamDown) {
                connectivity = SyncStatus.Connectivity.OFFLINE;
            } else {
                connectivity = SyncStatus.Connectivity.ONLINE;
            }
            synced = lastSyncedAt;
            error = lastError;
        }
        int pending = -1;
        int conflicts = 0;
        int errors = 0;
        try {
            pending = store.sync().pendingCount();
            conflicts = store.conflicts().open().size();
            errors = store.conflicts().errors().size();
        } catch (RuntimeException storeClosed) {
            // the store was closed (logout) before the engine: report what we know
        }
        return new SyncStatus(connectivity, Math.max(pending, 0), synced, conflicts, errors, error);
    }

    /** Tells the listeners, if the status changed since it was last told. */
    void publish() {
        synchronized (publishLock) {
            SyncStatus status = status();
            if (status.equals(lastPublished)) {
                return;
            }
            lastPublished = status;
            for (Consumer<SyncStatus> listener : listeners) {
                try {
                    listener.accept(status);
                } catch (RuntimeException e) {
                    log.warn("status listener failed", e);
                }
            }
        }
    }
}
