package dev.tododesktop.client.api;

import static dev.tododesktop.client.testing.FakeAuthServer.USER;
import static dev.tododesktop.client.testing.FakeAuthServer.invalidToken;
import static dev.tododesktop.client.testing.FakeAuthServer.isRefresh;
import static dev.tododesktop.client.testing.FakeAuthServer.ok;
import static dev.tododesktop.client.testing.FakeAuthServer.refreshTokenOf;
import static dev.tododesktop.client.testing.FakeAuthServer.tokens;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.client.auth.AuthState;
import dev.tododesktop.client.auth.SignOutReason;
import dev.tododesktop.client.keychain.CredentialKey;
import dev.tododesktop.client.keychain.KeychainResult;
import dev.tododesktop.client.keychain.SessionOnlyStore;
import dev.tododesktop.client.testing.FakeAuthServer;
import dev.tododesktop.client.testing.RecordingSleeper;
import dev.tododesktop.client.testing.Routes;
import dev.tododesktop.contract.ApiPaths;
import dev.tododesktop.contract.auth.LoginRequest;
import dev.tododesktop.contract.auth.UserView;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The interceptor/authenticator pair against a scripted server. */
class TokenRefreshTest {

    private final MockWebServer server = new MockWebServer();
    private final SessionOnlyStore keychain = new SessionOnlyStore("test");
    private final AtomicInteger refreshCalls = new AtomicInteger();
    private final List<AuthState> notified = new CopyOnWriteArrayList<>();
    private TodoApiClient client;
    private CredentialKey key;

    @BeforeEach
    void start() throws Exception {
        server.start();
        URI base = server.url("/").uri();
        key = new CredentialKey(base, USER.id());
        client = TodoApiClient.builder(base, keychain)
                .readTimeout(Duration.ofSeconds(5))
                .sleeper(new RecordingSleeper())
                .build();
        client.addAuthListener(notified::add);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private void signIn(String access, String refresh) {
        server.setDispatcher(Routes.of(r -> tokens(access, refresh, 900)));
        assertThat(client.login(new LoginRequest("ada@example.com", "correct horse", null)))
                .isEqualTo(new ApiResult.Ok<>(USER));
        notified.clear();
    }

    private static String bearer(RecordedRequest request) {
        return Optional.ofNullable(request.getHeaders().get("Authorization")).orElse("");
    }

    @Test
    void twenty_requests_rejected_at_once_cause_exactly_one_refresh_and_all_succeed() throws Exception {
        signIn("access-1", "refresh-1");
        var allSent = new CountDownLatch(20);
        server.setDispatcher(Routes.of(request -> {
            if (isRefresh(request)) {
                refreshCalls.incrementAndGet();
                assertThat(refreshTokenOf(request)).isEqualTo("refresh-1");
                return tokens("access-2", "refresh-2", 900);
            }
            if (bearer(request).equals("Bearer access-1")) {
                allSent.countDown();
                awaitQuietly(allSent); // hold every first answer until all 20 are in flight
                return invalidToken();
            }
            return bearer(request).equals("Bearer access-2") ? ok(USER) : invalidToken();
        }));

        var results = new ArrayList<Future<ApiResult<UserView>>>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 20; i++) {
                results.add(pool.submit(client::me));
            }
        }

        for (var result : results) {
            assertThat(result.get()).isEqualTo(new ApiResult.Ok<>(USER));
        }
        assertThat(refreshCalls).hasValue(1);
        assertThat(server.getRequestCount()).isEqualTo(1 + 20 + 1 + 20); // login, 20 rejected, refresh, 20 retried
        assertThat(keychain.read(key)).isEqualTo(KeychainResult.ok(Optional.of("refresh-2")));
        assertThat(notified).isEmpty(); // a silent refresh is not a sign-in or sign-out
    }

    @Test
    void a_rejected_refresh_token_signs_out_once_clears_the_keychain_and_does_not_loop() throws Exception {
        signIn("access-1", "refresh-1");
        var allSent = new CountDownLatch(10);
        server.setDispatcher(Routes.of(request -> {
            if (isRefresh(request)) {
                refreshCalls.incrementAndGet();
                return FakeAuthServer.problem(dev.tododesktop.contract.Problem.of(401, "Unauthorized", "Refresh token reused."));
            }
            allSent.countDown();
            awaitQuietly(allSent);
            return invalidToken();
        }));

        var results = new ArrayList<Future<ApiResult<UserView>>>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 10; i++) {
                results.add(pool.submit(client::me));
            }
        }

        for (var result : results) {
            assertThat(result.get()).isInstanceOf(ApiResult.Unauthorized.class);
        }
        assertThat(refreshCalls).hasValue(1);
        assertThat(server.getRequestCount()).isEqualTo(1 + 10 + 1);
        assertThat(client.authState()).isEqualTo(new AuthState.SignedOut(SignOutReason.SESSION_ENDED));
        assertThat(notified).containsExactly(new AuthState.SignedOut(SignOutReason.SESSION_ENDED));
        assertThat(keychain.read(key)).isEqualTo(KeychainResult.ok(Optional.empty()));

        // Signed out: later calls answer at once, without the network.
        assertThat(client.me()).isInstanceOf(ApiResult.Unauthorized.class);
        assertThat(server.getRequestCount()).isEqualTo(12);
    }

    @Test
    void a_fresh_token_rejected_again_is_not_refreshed_a_second_time() {
        signIn("access-1", "refresh-1");
        server.setDispatcher(Routes.of(request -> {
            if (isRefresh(request)) {
                refreshCalls.incrementAndGet();
                return tokens("access-2", "refresh-2", 900);
            }
            return invalidToken(); // e.g. a server whose clock is far off
        }));

        assertThat(client.me()).isInstanceOf(ApiResult.Unauthorized.class);

        assertThat(refreshCalls).hasValue(1);
        assertThat(server.getRequestCount()).isEqualTo(1 + 3); // rejected, refresh, rejected again: stop
    }

    @Test
    void wrong_credentials_are_unauthorized_without_any_refresh() {
        server.setDispatcher(Routes.of(request -> {
            if (isRefresh(request)) {
                refreshCalls.incrementAndGet();
            }
            return FakeAuthServer.problem(dev.tododesktop.contract.Problem.of(401, "Unauthorized", "Wrong email or password."));
        }));

        var result = client.login(new LoginRequest("ada@example.com", "wrong", null));

        assertThat(result).isInstanceOf(ApiResult.Unauthorized.class);
        assertThat(((ApiResult.Unauthorized<UserView>) result).problem().detail()).isEqualTo("Wrong email or password.");
        assertThat(refreshCalls).hasValue(0);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(client.authState()).isEqualTo(new AuthState.SignedOut(SignOutReason.NOT_SIGNED_IN));
    }

    @Test
    void the_rotated_refresh_token_is_in_the_keychain_before_the_new_access_token_is_used() {
        signIn("access-1", "refresh-1");
        var keychainAtFirstUse = new CopyOnWriteArrayList<Object>();
        server.setDispatcher(Routes.of(request -> {
            if (isRefresh(request)) {
                return tokens("access-2", "refresh-2", 900);
            }
            if (bearer(request).equals("Bearer access-2")) {
                keychainAtFirstUse.add(keychain.read(key));
                return ok(USER);
            }
            return invalidToken();
        }));

        assertThat(client.me()).isEqualTo(new ApiResult.Ok<>(USER));
        assertThat(keychainAtFirstUse).containsExactly(KeychainResult.ok(Optional.of("refresh-2")));
    }

    @Test
    void a_refresh_the_server_cannot_answer_keeps_the_session_and_reports_offline() {
        signIn("access-1", "refresh-1");
        server.setDispatcher(Routes.of(request -> isRefresh(request) ? FakeAuthServer.status(503) : invalidToken()));

        var result = client.sessions();

        assertThat(result).isInstanceOf(ApiResult.Offline.class);
        assertThat(client.authState()).isEqualTo(new AuthState.SignedIn(USER));
        assertThat(keychain.read(key)).isEqualTo(KeychainResult.ok(Optional.of("refresh-1")));
        assertThat(notified).isEmpty();
    }

    @Test
    void requests_queued_behind_a_failed_refresh_share_its_answer_instead_of_each_trying() throws Exception {
        signIn("access-1", "refresh-1");
        var allSent = new CountDownLatch(10);
        server.setDispatcher(Routes.of(request -> {
            if (isRefresh(request)) {
                refreshCalls.incrementAndGet();
                return FakeAuthServer.status(503);
            }
            if (allSent.getCount() > 0) {
                allSent.countDown();
                awaitQuietly(allSent);
            }
            return invalidToken();
        }));

        var results = new ArrayList<Future<ApiResult<UserView>>>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 10; i++) {
                results.add(pool.submit(client::me));
            }
        }

        for (var result : results) {
            assertThat(result.get()).isInstanceOf(ApiResult.Offline.class);
        }
        assertThat(refreshCalls).hasValue(1);
        assertThat(client.authState()).isEqualTo(new AuthState.SignedIn(USER));
    }

    @Test
    void an_idle_session_refreshes_ahead_of_expiry() throws Exception {
        var refreshed = new CountDownLatch(1);
        server.setDispatcher(Routes.of(request -> {
            if (request.getUrl().encodedPath().equals(ApiPaths.AUTH_LOGIN)) {
                return tokens("access-1", "refresh-1", 1); // one second: refresh due after 0.8 s
            }
            if (isRefresh(request)) {
                refreshCalls.incrementAndGet();
                refreshed.countDown();
                return tokens("access-2", "refresh-2", 900);
            }
            return bearer(request).equals("Bearer access-2") ? ok(USER) : invalidToken();
        }));
        client.login(new LoginRequest("ada@example.com", "correct horse", null));

        assertThat(refreshed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(client.me()).isEqualTo(new ApiResult.Ok<>(USER));
        assertThat(refreshCalls).hasValue(1); // the request went straight out with the new token
        assertThat(keychain.read(key)).isEqualTo(KeychainResult.ok(Optional.of("refresh-2")));
    }

    @Test
    void logout_revokes_on_the_server_and_forgets_everything_here() throws Exception {
        signIn("access-1", "refresh-1");
        server.setDispatcher(Routes.of(request -> new MockResponse.Builder().code(204).build()));

        assertThat(client.logout()).isEqualTo(new ApiResult.Ok<>(dev.tododesktop.client.Done.DONE));

        RecordedRequest logout = lastRequest();
        assertThat(logout.getUrl().encodedPath()).isEqualTo(ApiPaths.AUTH_LOGOUT);
        assertThat(bearer(logout)).isEqualTo("Bearer access-1");
        assertThat(client.authState()).isEqualTo(new AuthState.SignedOut(SignOutReason.LOGGED_OUT));
        assertThat(notified).containsExactly(new AuthState.SignedOut(SignOutReason.LOGGED_OUT));
        assertThat(keychain.read(key)).isEqualTo(KeychainResult.ok(Optional.empty()));
    }

    @Test
    void logout_while_offline_still_signs_out_here() {
        signIn("access-1", "refresh-1");
        server.close();

        assertThat(client.logout()).isInstanceOf(ApiResult.Offline.class);
        assertThat(client.authState()).isEqualTo(new AuthState.SignedOut(SignOutReason.LOGGED_OUT));
        assertThat(keychain.read(key)).isEqualTo(KeychainResult.ok(Optional.empty()));
    }

    @Test
    void resume_continues_a_saved_login_with_one_refresh() {
        keychain.save(key, "refresh-saved");
        server.setDispatcher(Routes.of(request -> {
            if (isRefresh(request)) {
                assertThat(refreshTokenOf(request)).isEqualTo("refresh-saved");
                return tokens("access-9", "refresh-10", 900);
            }
            return ok(USER);
        }));

        assertThat(client.resume(USER.id())).isEqualTo(new ApiResult.Ok<>(USER));
        assertThat(client.authState()).isEqualTo(new AuthState.SignedIn(USER));
        assertThat(notified).containsExactly(new AuthState.SignedIn(USER));
        assertThat(keychain.read(key)).isEqualTo(KeychainResult.ok(Optional.of("refresh-10")));
    }

    @Test
    void resume_with_a_refresh_token_the_server_rejects_forgets_it() {
        keychain.save(key, "refresh-expired");
        server.setDispatcher(Routes.of(request -> FakeAuthServer.problem(
                dev.tododesktop.contract.Problem.of(401, "Unauthorized", "Session expired."))));

        assertThat(client.resume(USER.id())).isInstanceOf(ApiResult.Unauthorized.class);
        assertThat(client.authState()).isEqualTo(new AuthState.SignedOut(SignOutReason.SESSION_ENDED));
        assertThat(keychain.read(key)).isEqualTo(KeychainResult.ok(Optional.empty()));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void resume_while_the_server_is_unreachable_keeps_the_saved_login_for_later() {
        keychain.save(key, "refresh-saved");
        server.close();

        assertThat(client.resume(USER.id())).isInstanceOf(ApiResult.Offline.class);
        assertThat(keychain.read(key)).isEqualTo(KeychainResult.ok(Optional.of("refresh-saved")));
    }

    @Test
    void resume_without_a_saved_login_is_unauthorized_without_the_network() {
        assertThat(client.resume(USER.id())).isInstanceOf(ApiResult.Unauthorized.class);
        assertThat(server.getRequestCount()).isZero();
    }

    private RecordedRequest lastRequest() throws InterruptedException {
        RecordedRequest last = null;
        for (RecordedRequest r; (r = server.takeRequest(100, TimeUnit.MILLISECONDS)) != null; ) {
            last = r;
        }
        return last;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
