package dev.tododesktop.client.api;

import static dev.tododesktop.client.testing.FakeAuthServer.USER;
import static dev.tododesktop.client.testing.FakeAuthServer.ok;
import static dev.tododesktop.client.testing.FakeAuthServer.status;
import static dev.tododesktop.client.testing.FakeAuthServer.tokens;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.client.keychain.SessionOnlyStore;
import dev.tododesktop.client.testing.FakeAuthServer;
import dev.tododesktop.client.testing.RecordingSleeper;
import dev.tododesktop.contract.FieldError;
import dev.tododesktop.contract.Problem;
import dev.tododesktop.contract.auth.LoginRequest;
import dev.tododesktop.contract.auth.PasswordChangeRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries, timeouts and error mapping against a scripted server (the queue answers in order). */
class RetryTest {

    private static final RetryPolicy FOUR_ATTEMPTS =
            new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(30));

    private final MockWebServer server = new MockWebServer();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private TodoApiClient client;

    @BeforeEach
    void start() throws Exception {
        server.start();
        client = TodoApiClient.builder(server.url("/").uri(), new SessionOnlyStore("test"))
                .readTimeout(Duration.ofMillis(300))
                .retryPolicy(FOUR_ATTEMPTS)
                .sleeper(sleeper)
                .build();
        server.enqueue(tokens("access-1", "refresh-1", 900));
        assertThat(client.login(new LoginRequest("ada@example.com", "correct horse", null)).isOk()).isTrue();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private int requestsAfterLogin() {
        return server.getRequestCount() - 1;
    }

    @Test
    void a_429_is_retried_after_the_retry_after_the_server_asked_for() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "7").build());
        server.enqueue(ok(USER));

        assertThat(client.me()).isEqualTo(new ApiResult.Ok<>(USER));
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(7));
        assertThat(requestsAfterLogin()).isEqualTo(2);
    }

    @Test
    void a_retry_after_longer_than_the_caller_should_wait_is_handed_back_as_rate_limited() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "120").build());

        assertThat(client.me()).isEqualTo(new ApiResult.RateLimited<>(Duration.ofSeconds(120)));
        assertThat(sleeper.waits()).isEmpty();
        assertThat(requestsAfterLogin()).isEqualTo(1);
    }

    @Test
    void a_rate_limited_login_is_not_retried_and_says_how_long_to_wait() {
        server.enqueue(status(204));
        client.logout();
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "30").build());
        server.enqueue(tokens("access-2", "refresh-2", 900));

        var result = client.login(new LoginRequest("ada@example.com", "correct horse", null));

        assertThat(result).isEqualTo(new ApiResult.RateLimited<>(Duration.ofSeconds(30)));
        assertThat(sleeper.waits()).isEmpty();
        assertThat(requestsAfterLogin()).isEqualTo(2); // the logout and one login
    }

    @Test
    void a_503_is_retried_with_growing_jittered_backoff() {
        server.enqueue(status(503));
        server.enqueue(status(503));
        server.enqueue(status(502));
        server.enqueue(ok(USER));

        assertThat(client.me()).isEqualTo(new ApiResult.Ok<>(USER));
        assertThat(requestsAfterLogin()).isEqualTo(4);
        List<Duration> waits = sleeper.waits();
        assertThat(waits).hasSize(3);
        assertThat(waits.get(0)).isBetween(Duration.ZERO, Duration.ofMillis(100));
        assertThat(waits.get(1)).isBetween(Duration.ZERO, Duration.ofMillis(200));
        assertThat(waits.get(2)).isBetween(Duration.ZERO, Duration.ofMillis(400));
    }

    @Test
    void a_server_that_stays_down_gets_no_more_than_the_allowed_attempts() {
        for (int i = 0; i < 10; i++) {
            server.enqueue(status(503));
        }

        var result = client.me();

        assertThat(result).isInstanceOf(ApiResult.ServerError.class);
        assertThat(((ApiResult.ServerError<?>) result).status()).isEqualTo(503);
        assertThat(requestsAfterLogin()).isEqualTo(4);
        assertThat(sleeper.waits()).hasSize(3);
    }

    @Test
    void a_dropped_connection_on_a_get_is_retried() {
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(ok(USER));

        assertThat(client.me()).isEqualTo(new ApiResult.Ok<>(USER));
        assertThat(sleeper.waits()).hasSize(1);
    }

    @Test
    void a_dropped_connection_on_a_non_idempotent_post_is_reported_offline_not_resent() {
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(status(204));

        var result = client.changePassword(new PasswordChangeRequest("old password", "new password 1"));

        assertThat(result).isInstanceOf(ApiResult.Offline.class);
        assertThat(requestsAfterLogin()).isEqualTo(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void a_slow_answer_times_out_and_the_get_is_retried() {
        server.enqueue(new MockResponse.Builder().headersDelay(2, TimeUnit.SECONDS).body("{}").build());
        server.enqueue(ok(USER));

        assertThat(client.me()).isEqualTo(new ApiResult.Ok<>(USER));
        assertThat(requestsAfterLogin()).isEqualTo(2);
    }

    @Test
    void a_server_that_never_answers_in_time_is_reported_offline_after_the_allowed_attempts() {
        for (int i = 0; i < 6; i++) {
            server.enqueue(new MockResponse.Builder().headersDelay(1, TimeUnit.SECONDS).body("{}").build());
        }
        long started = System.nanoTime();

        var result = client.me();

        assertThat(result).isInstanceOf(ApiResult.Offline.class);
        assertThat(((ApiResult.Offline<?>) result).reason()).contains("did not answer in time");
        assertThat(requestsAfterLogin()).isEqualTo(4);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void an_unreachable_server_is_offline() {
        server.close();

        var result = client.me();

        assertThat(result).isInstanceOf(ApiResult.Offline.class);
        assertThat(sleeper.waits()).hasSize(3);
    }

    @Test
    void field_errors_of_a_422_are_kept_for_the_form() {
        server.enqueue(FakeAuthServer.problem(Problem.validation(List.of(
                new FieldError("current_password", "The current password is not correct.")))));

        var result = client.changePassword(new PasswordChangeRequest("wrong", "new password 1"));

        assertThat(result).isInstanceOf(ApiResult.Rejected.class);
        var rejected = (ApiResult.Rejected<?>) result;
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.fieldError("current_password")).contains("The current password is not correct.");
        assertThat(rejected.fieldError("new_password")).isEmpty();
        assertThat(requestsAfterLogin()).isEqualTo(1);
    }

    @Test
    void a_proxy_error_page_that_is_not_a_problem_is_a_server_error() {
        server.enqueue(new MockResponse.Builder().code(500).body("<html>oops</html>").build());

        var result = client.me();

        assertThat(result).isInstanceOf(ApiResult.ServerError.class);
        assertThat(requestsAfterLogin()).isEqualTo(1); // a 500 is not one of the transient statuses
    }

    @Test
    void an_unreadable_success_body_is_a_server_error_not_an_exception() {
        server.enqueue(new MockResponse.Builder().code(200).body("not json").build());

        assertThat(client.me()).isInstanceOf(ApiResult.ServerError.class);
    }
}
