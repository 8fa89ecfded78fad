package dev.tododesktop.client.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.client.sync.SyncStatus;
import dev.tododesktop.client.sync.SyncStatus.Connectivity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The header's words about sync: short, true, and free of log text. */
class SyncIndicatorTest {

    static final Instant NOW = Instant.parse("2026-12-07T15:30:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final ZoneId ZONE = ZoneOffset.UTC;

    static SyncStatus status(Connectivity c, int pending, Optional<Instant> synced, int conflicts, int errors, Optional<String> error) {
        return new SyncStatus(c, pending, synced, conflicts, errors, error);
    }

    static SyncIndicator of(SyncStatus s) {
        return SyncIndicator.of(s, CLOCK, ZONE);
    }

    @Test
    void everythingSyncedSaysSoAndWhen() {
        var shown = of(status(Connectivity.ONLINE, 0, Optional.of(NOW.minusSeconds(5)), 0, 0, Optional.empty()));
        assertThat(shown.state()).isEqualTo(SyncIndicator.State.SYNCED);
        assertThat(shown.shortText()).isEqualTo("Synced");
        assertThat(shown.summary()).isEqualTo("Online · all changes synced");
        assertThat(shown.details()).containsExactly("Last synced at 15:29");
    }

    /** The header once said "Offline · synced just now · 3 changes waiting (offline: could not reach the server (ConnectExc…". */
    @Test
    void offlineWithChangesWaitingNeverClaimsToBeSyncedAndNamesNoException() {
        var shown = of(status(Connectivity.OFFLINE, 3, Optional.of(NOW.minusSeconds(20)), 0, 0,
                Optional.of("offline: could not reach the server (ConnectException: Connection refused)")));
        assertThat(shown.state()).isEqualTo(SyncIndicator.State.OFFLINE);
        assertThat(shown.shortText()).isEqualTo("Offline · 3 waiting");
        assertThat(shown.summary()).isEqualTo("Offline · 3 changes waiting");
        assertThat(shown.fullText()).doesNotContainIgnoringCase("synced just now").doesNotContain("Exception")
                .doesNotContain("(").contains("Last synced at 15:29").contains("can't be reached");
    }

    @ParameterizedTest
    @ValueSource(strings = {"offline: could not reach the server (SocketTimeoutException)", "server error 503",
            "rate limited for 30 s", "unauthorized", "refused: 409 Conflict", "local store: SQLiteException",
            "event stream: EOFException", "the server answered none of the pushed changes", "something new: IOException"})
    void noEngineReasonReachesTheScreenAsWritten(String engineError) {
        var offline = of(status(Connectivity.OFFLINE, 1, Optional.empty(), 0, 0, Optional.of(engineError)));
        var failed = of(status(Connectivity.ONLINE, 1, Optional.empty(), 0, 0, Optional.of(engineError)));
        for (var shown : java.util.List.of(offline, failed)) {
            assertThat(shown.fullText()).doesNotContain("Exception").doesNotContain(engineError)
                    .doesNotContain(":").doesNotContainIgnoringCase("synced just now");
        }
        assertThat(failed.state()).isEqualTo(SyncIndicator.State.PROBLEM);
        assertThat(failed.shortText()).isEqualTo("Not synced · 1 waiting");
    }

    @Test
    void theServersNumbersAreKept() {
        assertThat(SyncIndicator.reason("server error 503")).contains("error 503");
        assertThat(SyncIndicator.reason("rate limited for 30 s")).contains("30 s");
    }

    @Test
    void conflictsAndRefusedChangesAreCountedInTheHeader() {
        var shown = of(status(Connectivity.ONLINE, 0, Optional.of(NOW), 1, 2, Optional.empty()));
        assertThat(shown.toReview()).isEqualTo(3);
        assertThat(shown.shortText()).isEqualTo("Synced · 3 to review");
        assertThat(shown.details()).contains("1 conflict to review: changed here and on another device",
                "2 changes the server refused: fix or discard them");
    }

    @Test
    void aChangeAboutToBeSentIsNotSynced() {
        var shown = of(status(Connectivity.ONLINE, 1, Optional.of(NOW), 0, 0, Optional.empty()));
        assertThat(shown.state()).isEqualTo(SyncIndicator.State.WAITING);
        assertThat(shown.shortText()).isEqualTo("1 to send");
        assertThat(shown.summary()).isEqualTo("Online · 1 change waiting");
    }

    @Test
    void olderSyncsSayTheDay() {
        assertThat(of(status(Connectivity.OFFLINE, 0, Optional.of(NOW.minus(Duration.ofDays(1))), 0, 0, Optional.empty()))
                .details()).first().isEqualTo("Last synced yesterday at 15:30");
        assertThat(of(status(Connectivity.OFFLINE, 0, Optional.of(Instant.parse("2026-11-02T08:05:00Z")), 0, 0, Optional.empty()))
                .details()).first().isEqualTo("Last synced on 2 Nov at 08:05");
        assertThat(of(status(Connectivity.OFFLINE, 0, Optional.empty(), 0, 0, Optional.empty()))
                .details()).first().isEqualTo("Not synced with the server yet");
    }

    @Test
    void signedOutKeepsWhatWaits() {
        var shown = of(status(Connectivity.SIGNED_OUT, 2, Optional.empty(), 0, 0, Optional.of("signed out")));
        assertThat(shown.shortText()).isEqualTo("Signed out");
        assertThat(shown.fullText()).contains("2 changes waiting").contains("kept on this computer");
    }
}
