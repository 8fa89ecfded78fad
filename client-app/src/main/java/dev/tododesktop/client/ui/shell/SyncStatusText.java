package dev.tododesktop.client.ui.shell;

import dev.tododesktop.client.sync.SyncStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The one line the header shows about sync: online/offline/syncing, what waits, when it last worked. */
public final class SyncStatusText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private SyncStatusText() {}

    public static String of(SyncStatus status, Clock clock, ZoneId zone) {
        String waiting = status.pendingCount() == 0 ? ""
                : status.pendingCount() == 1 ? " · 1 change waiting" : " · " + status.pendingCount() + " changes waiting";
        String last = status.lastSyncedAt().map(at -> {
            Duration ago = Duration.between(at, clock.instant());
            return ago.toSeconds() < 60 ? "synced just now" : "last synced " + TIME.format(at.atZone(zone));
        }).orElse("not synced yet");
        return switch (status.connectivity()) {
            case SYNCING -> "Syncing…" + waiting;
            case ONLINE -> "Online · " + last + waiting;
            case OFFLINE -> "Offline · " + last + waiting + status.lastError().map(e -> " (" + e + ")").orElse("");
            case SIGNED_OUT -> "Signed out" + waiting;
        };
    }
}
