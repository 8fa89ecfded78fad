package dev.tododesktop.client.sync;

import java.time.Duration;
import java.util.Optional;

/** What a round did so far; a round that stops early still reports it. */
final class RoundCounts {
    int pushed;
    int duplicates;
    int conflicts;
    int invalid;
    int pulled;
    int pages;
    boolean fullResync;

    SyncReport report(SyncReport.Outcome outcome, Optional<String> error, long startNanos) {
        return new SyncReport(outcome, pushed, duplicates, conflicts, invalid, pulled, pages, fullResync,
                Duration.ofNanos(System.nanoTime() - startNanos), error);
    }
}
