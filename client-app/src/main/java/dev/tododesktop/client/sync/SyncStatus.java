package dev.tododesktop.client.sync;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the UI shows about sync. {@code openConflicts} counts field conflicts waiting for the
 * user, {@code syncErrors} the edits the server refused; {@code lastError} is a short
 * human-readable reason for the last failed round (never a token).
 */
public record SyncStatus(
        Connectivity connectivity,
        int pendingCount,
        Optional<Instant> lastSyncedAt,
        int openConflicts,
        int syncErrors,
        Optional<String> lastError) {

    public enum Connectivity {
        /** The last round reached the server. */
        ONLINE,
        /** The server could not be reached (or answered 5xx); retrying with backoff. */
        OFFLINE,
        /** A round is running. */
        SYNCING,
        /** The session ended; the engine has stopped and the outbox is kept for the next sign-in. */
        SIGNED_OUT
    }

    public SyncStatus {
        Objects.requireNonNull(connectivity, "connectivity");
        Objects.requireNonNull(lastSyncedAt, "lastSyncedAt");
        Objects.requireNonNull(lastError, "lastError");
    }
}
