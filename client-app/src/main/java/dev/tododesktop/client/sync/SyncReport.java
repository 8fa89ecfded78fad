package dev.tododesktop.client.sync;

import java.time.Duration;
import java.util.Optional;

/**
 * The outcome of one sync round. A round that could not finish still reports what it did
 * before it stopped (pushed mutations are acknowledged as they come back).
 *
 * @param pushed    mutations the server answered
 * @param duplicates answers the server gave again for resent mutations (the first was lost)
 * @param conflicts answers with status conflict
 * @param invalid   answers with status invalid
 * @param pulled    changes pulled and applied
 * @param fullResync whether the server said the cursor was too old, so everything was pulled again
 */
public record SyncReport(
        Outcome outcome,
        int pushed,
        int duplicates,
        int conflicts,
        int invalid,
        int pulled,
        int pages,
        boolean fullResync,
        Duration took,
        Optional<String> error) {

    public enum Outcome {
        /** Pushed everything and pulled to the end. */
        OK,
        /** No answer from the server, or a 5xx / 429: retried later. */
        OFFLINE,
        /** The session is over; nothing more is tried until the user signs in again. */
        SIGNED_OUT,
        /** The server refused a request outright (a bug or an incompatible server): retried later. */
        FAILED,
        /** The engine was closed before the round could run. */
        CLOSED
    }

    public boolean ok() {
        return outcome == Outcome.OK;
    }

    /** Whether the round changed local data (the UI should re-read). */
    public boolean changedLocalData() {
        return pushed > 0 || pulled > 0;
    }
}
