package dev.tododesktop.server.auth.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.server.auth.AccountStore;
import dev.tododesktop.server.db.Database;
import dev.tododesktop.server.testing.Backend;
import dev.tododesktop.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The event streams' periodic re-check reads all their sessions in bulk: a revocation written by
 * another instance (whose NOTIFY this one missed) must still be seen, and an unknown session is dead.
 */
@ParameterizedClass
@EnumSource(Backend.class)
class LiveSessionsRefreshTest {

    @Parameter
    Backend backend;

    @TempDir
    Path dir;

    @Test
    void aBulkRefreshSeesRevocationsMadeElsewhereAndKeepsLiveSessionsLive() {
        var clock = MutableClock.startingNow();
        try (var db = Database.open(backend.freshDatabase(dir), 4)) {
            var accounts = new AccountStore(db.jdbi());
            var store = new SessionStore(db.jdbi(), Duration.ofDays(30));
            var user = accounts.create("a@example.com", "a@example.com", Optional.empty(), "$argon2id$x", clock.instant()).orElseThrow();
            var revokedElsewhere = store.start(user.id(), Optional.empty(), clock.instant()).sessionId();
            var live = store.start(user.id(), Optional.empty(), clock.instant()).sessionId();
            var sessions = new LiveSessions(store, clock, Duration.ofMinutes(10), RevocationBroadcast.NONE);
            assertThat(sessions.isLive(revokedElsewhere, user.id())).isTrue();
            assertThat(sessions.isLive(live, user.id())).isTrue();

            // Another instance revokes; its announcement never arrives here; the cache TTL is long.
            assertThat(store.revoke(user.id(), revokedElsewhere, "logout", clock.instant())).isTrue();
            assertThat(sessions.isLive(revokedElsewhere, user.id())).as("still cached").isTrue();

            UUID unknown = UUID.randomUUID();
            sessions.refresh(List.of(revokedElsewhere, live, unknown));
            assertThat(sessions.isLive(revokedElsewhere, user.id())).isFalse();
            assertThat(sessions.isLive(live, user.id())).isTrue();
            assertThat(sessions.isLive(unknown, user.id())).isFalse();

            // A revocation this instance recorded is never undone by a refresh.
            sessions.revoked(live);
            sessions.refresh(List.of(live));
            assertThat(sessions.isLive(live, user.id())).isFalse();
        }
    }
}
