package dev.tododesktop.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.server.auth.sessions.SessionStore;
import dev.tododesktop.server.config.RateLimitSettings;
import dev.tododesktop.server.db.Database;
import dev.tododesktop.server.testing.Backend;
import dev.tododesktop.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Backend.class)
class AuthJanitorTest {

    @Parameter
    Backend backend;

    @TempDir
    Path dir;

    @Test
    void endedSessionsAndTheirTokensGoAfterADayWhileLiveOnesStay() {
        var clock = MutableClock.startingNow();
        try (var db = Database.open(backend.freshDatabase(dir), 4)) {
            var accounts = new AccountStore(db.jdbi());
            var sessions = new SessionStore(db.jdbi(), Duration.ofDays(30));
            var user = accounts.create("a@example.com", "a@example.com", Optional.empty(), "$argon2id$x", clock.instant()).orElseThrow();
            var ended = sessions.start(user.id(), Optional.empty(), clock.instant());
            var live = sessions.start(user.id(), Optional.empty(), clock.instant());
            assertThat(sessions.revoke(user.id(), ended.sessionId(), "logout", clock.instant())).isTrue();
            var janitor = new AuthJanitor(db.jdbi(), clock, RateLimitSettings.defaults());

            assertThat(janitor.runOnce()).as("ended only just now").isZero();
            clock.advance(Duration.ofDays(1).plusMinutes(1));
            assertThat(janitor.runOnce()).isEqualTo(1);
            assertThat(sessions.state(ended.sessionId())).isEmpty();
            assertThat(sessions.state(live.sessionId())).isPresent();
            long tokens = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM refresh_tokens").mapTo(Long.class).one());
            assertThat(tokens).isEqualTo(1);

            clock.advance(Duration.ofDays(30));
            assertThat(janitor.runOnce()).as("idle past its lifetime").isEqualTo(1);
        }
    }
}
