package dev.tododesktop.client.api;

import static dev.tododesktop.client.testing.FakeAuthServer.USER;
import static dev.tododesktop.client.testing.FakeAuthServer.invalidToken;
import static dev.tododesktop.client.testing.FakeAuthServer.isRefresh;
import static dev.tododesktop.client.testing.FakeAuthServer.ok;
import static dev.tododesktop.client.testing.FakeAuthServer.tokens;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.client.keychain.SessionOnlyStore;
import dev.tododesktop.client.testing.RecordingSleeper;
import dev.tododesktop.client.testing.Routes;
import dev.tododesktop.contract.auth.LoginRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Invariants of the backoff and of single-flight refresh, over many shapes of input (seeded, so reproducible). */
class RefreshInvariantsTest {

    @Test
    void backoff_stays_within_the_full_jitter_envelope() {
        var cases = new Random(20261124);
        for (int i = 0; i < 2_000; i++) {
            int retry = 1 + cases.nextInt(40);
            long baseMillis = cases.nextLong(5_001);
            long maxMillis = cases.nextLong(60_001);
            var policy = new RetryPolicy(5, Duration.ofMillis(baseMillis), Duration.ofMillis(maxMillis), Duration.ofSeconds(30));

            Duration wait = policy.backoff(retry, new Random(cases.nextLong()));

            long envelope = Math.min(maxMillis, baseMillis * (1L << Math.min(retry - 1, 30)));
            assertThat(wait.toMillis()).as("retry %d, base %d, max %d", retry, baseMillis, maxMillis)
                    .isBetween(0L, envelope);
        }
    }

    /**
     * However many requests fail together, and whatever mix of endpoints they hit, one refresh
     * happens and every request succeeds with the new token.
     */
    @ParameterizedTest(name = "{0} requests")
    @ValueSource(ints = {1, 2, 3, 7, 13, 30})
    void any_number_of_simultaneous_401s_cause_one_refresh(int requests) throws Exception {
        long seed = 31L * requests;
        try (var server = new MockWebServer()) {
            server.start();
            var refreshes = new AtomicInteger();
            try (var client = TodoApiClient.builder(server.url("/").uri(), new SessionOnlyStore("test"))
                    .sleeper(new RecordingSleeper()).build()) {
                server.setDispatcher(Routes.of(r -> tokens("old", "refresh-1", 900)));
                client.login(new LoginRequest("ada@example.com", "correct horse", null));
                server.setDispatcher(Routes.of(request -> {
                    if (isRefresh(request)) {
                        refreshes.incrementAndGet();
                        return tokens("new", "refresh-2", 900);
                    }
                    if (!"Bearer new".equals(request.getHeaders().get("Authorization"))) {
                        return invalidToken();
                    }
                    return request.getUrl().encodedPath().endsWith("/sessions")
                            ? ok(new dev.tododesktop.contract.auth.SessionList(List.of()))
                            : ok(USER);
                }));

                var random = new Random(seed);
                var futures = new ArrayList<Future<? extends ApiResult<?>>>();
                try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (int i = 0; i < requests; i++) {
                        Callable<ApiResult<?>> call = random.nextBoolean() ? client::me : client::sessions;
                        futures.add(pool.submit(call));
                    }
                }

                for (var future : futures) {
                    assertThat(future.get().isOk()).isTrue();
                }
                assertThat(refreshes).hasValue(1);
            }
        }
    }

}
