package dev.tododesktop.server.auth;

import dev.tododesktop.server.testing.Backend;
import dev.tododesktop.server.testing.OneServerTest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.server.testing.Accounts;
import dev.tododesktop.server.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Ten refreshes racing with one token: exactly one wins, on each database. */
@ParameterizedClass
@EnumSource(Backend.class)
class RefreshRaceTest extends OneServerTest {

    private static final int RACERS = 10;


    @Test
    void tenConcurrentRefreshesWithOneTokenYieldExactlyOneSuccess() throws Exception {
        for (int round = 0; round < 3; round++) {
            var user = Accounts.register(http);
            var statuses = race(user.refreshToken());
            assertThat(statuses).as("round %d", round).containsOnly(200, 401);
            assertThat(statuses.stream().filter(s -> s == 200).count()).as("round %d: %s", round, statuses).isEqualTo(1);
            // The losers presented a token that was already retired: that is reuse, so the session is gone.
            assertThat(http.get("/api/auth/me", user.accessToken()).status()).isEqualTo(401);
        }
        long stored = server.database().jdbi().withHandle(h -> h
                .createQuery("SELECT COUNT(*) FROM refresh_tokens WHERE retired_at IS NULL").mapTo(Long.class).one());
        assertThat(stored).as("each session has one current token").isEqualTo(3);
    }

    private List<Integer> race(String token) throws Exception {
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(RACERS)) {
            var futures = new ArrayList<Future<Integer>>();
            for (int i = 0; i < RACERS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return http.post("/api/auth/refresh", Map.of("refresh_token", token)).status();
                }));
            }
            start.countDown();
            var statuses = new ArrayList<Integer>();
            for (var f : futures) {
                statuses.add(f.get());
            }
            return statuses;
        }
    }
}
