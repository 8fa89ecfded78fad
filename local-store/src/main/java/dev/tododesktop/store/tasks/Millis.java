package dev.tododesktop.store.tasks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The store and the API both keep millisecond timestamps; truncating early keeps equality exact. */
final class Millis {
    private Millis() {
    }

    static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
