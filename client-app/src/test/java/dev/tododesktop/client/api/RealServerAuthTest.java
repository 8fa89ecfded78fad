package dev.tododesktop.client.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.client.Done;
import dev.tododesktop.client.auth.AuthState;
import dev.tododesktop.client.auth.SignOutReason;
import dev.tododesktop.client.keychain.CredentialKey;
import dev.tododesktop.client.keychain.KeychainResult;
import dev.tododesktop.client.keychain.SessionOnlyStore;
import dev.tododesktop.client.testing.RealServer;
import dev.tododesktop.contract.ApiJson;
import dev.tododesktop.contract.ApiPaths;
import dev.tododesktop.contract.auth.DeleteAccountRequest;
import dev.tododesktop.contract.auth.LoginRequest;
import dev.tododesktop.contract.auth.PasswordChangeRequest;
import dev.tododesktop.contract.auth.RefreshRequest;
import dev.tododesktop.contract.auth.RegisterRequest;
import dev.tododesktop.contract.auth.SessionView;
import dev.tododesktop.contract.auth.UserView;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against a real in-process sync server. */
class RealServerAuthTest {

    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dataDir;

    private RealServer server;
    private final List<TodoApiClient> clients = new ArrayList<>();
    private final String email = "ada-" + UUID.randomUUID() + "@example.com";

    @BeforeEach
    void start() {
        server = new RealServer(dataDir);
    }

    @AfterEach
    void stop() {
        clients.forEach(TodoApiClient::close);
        server.close();
    }

    /** A device: its own client and its own keychain. */
    private record Device(TodoApiClient client, SessionOnlyStore keychain, List<AuthState> notified) {
        Optional<String> refreshToken(UUID userId) {
            return ((KeychainResult.Ok<Optional<String>>) keychain.read(new CredentialKey(client.config().baseUri(), userId))).value();
        }
    }

    private Device device(String name) {
        var keychain = new SessionOnlyStore("test");
        var client = TodoApiClient.builder(server.baseUri(), keychain).deviceName(name).build();
        clients.add(client);
        var notified = new CopyOnWriteArrayList<AuthState>();
        client.addAuthListener(notified::add);
        return new Device(client, keychain, notified);
    }

    private UserView registered(Device device) {
        var result = device.client().register(new RegisterRequest(email, PASSWORD, "Ada", null));
        assertThat(result).isInstanceOf(ApiResult.Ok.class);
        return result.okValue().orElseThrow();
    }

    @Test
    void ping_answers_without_a_session_and_leaves_a_connection_the_login_reuses() {
        var laptop = device("laptop");
        assertThat(laptop.client().ping()).isInstanceOf(ApiResult.Ok.class);
        assertThat(laptop.client().authState()).isInstanceOf(AuthState.SignedOut.class);
        registered(device("phone"));
        var pool = laptop.client().connectionPool();
        assertThat(pool.connectionCount()).as("open after the ping").isEqualTo(1);
        assertThat(laptop.client().login(new LoginRequest(email, PASSWORD, null))).isInstanceOf(ApiResult.Ok.class);
        assertThat(pool.connectionCount()).as("the login reused the ping's connection").isEqualTo(1);
    }

    @Test
    void ping_says_offline_when_nothing_listens() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (var client = TodoApiClient.builder(java.net.URI.create("http://127.0.0.1:" + port), new SessionOnlyStore("test")).build()) {
            assertThat(client.ping()).isInstanceOf(ApiResult.Offline.class);
        }
    }

    @Test
    void register_then_login_on_another_device_then_me_and_sessions() {
        var laptop = device("laptop");
        UserView user = registered(laptop);
        assertThat(user.email()).isEqualTo(email);
        assertThat(laptop.notified()).containsExactly(new AuthState.SignedIn(user));

        var desktop = device("desktop");
        assertThat(desktop.client().login(new LoginRequest(email, PASSWORD, null))).isEqualTo(new ApiResult.Ok<>(user));

        assertThat(desktop.client().me()).isEqualTo(new ApiResult.Ok<>(user));
        var sessions = desktop.client().sessions().okValue().orElseThrow().items();
        assertThat(sessions).extracting(SessionView::deviceName).containsExactlyInAnyOrder("laptop", "desktop");
        assertThat(sessions).filteredOn(SessionView::current).extracting(SessionView::deviceName).containsExactly("desktop");
        assertThat(laptop.refreshToken(user.id())).isPresent();
    }

    @Test
    void form_errors_come_back_per_field_and_wrong_credentials_are_unauthorized() {
        var device = device("laptop");
        registered(device);
        var other = device("other");

        var duplicate = other.client().register(new RegisterRequest(email, PASSWORD, null, null));
        assertThat(duplicate).isInstanceOf(ApiResult.Rejected.class);
        assertThat(((ApiResult.Rejected<?>) duplicate).status()).isEqualTo(409);

        var weak = other.client().register(new RegisterRequest("bob-" + UUID.randomUUID() + "@example.com", "short", null, null));
        assertThat(weak).isInstanceOf(ApiResult.Rejected.class);
        assertThat(((ApiResult.Rejected<?>) weak).status()).isEqualTo(422);
        assertThat(((ApiResult.Rejected<?>) weak).fieldError("password")).isPresent();

        assertThat(other.client().login(new LoginRequest(email, "wrong password", null))).isInstanceOf(ApiResult.Unauthorized.class);
        assertThat(other.client().authState()).isEqualTo(new AuthState.SignedOut(SignOutReason.NOT_SIGNED_IN));

        var wrongCurrent = device.client().changePassword(new PasswordChangeRequest("not my password", "another good one 1"));
        assertThat(wrongCurrent).isInstanceOf(ApiResult.Rejected.class);
        assertThat(((ApiResult.Rejected<?>) wrongCurrent).fieldError("current_password")).isPresent();
        assertThat(device.client().authState()).isInstanceOf(AuthState.SignedIn.class);
    }

    @Test
    void an_expired_access_token_is_refreshed_silently() {
        var device = device("laptop");
        UserView user = registered(device);
        String firstRefreshToken = device.refreshToken(user.id()).orElseThrow();

        server.clock.advance(RealServer.PAST_ACCESS_EXPIRY);

        assertThat(device.client().me()).isEqualTo(new ApiResult.Ok<>(user));
        assertThat(device.refreshToken(user.id())).isPresent().get().isNotEqualTo(firstRefreshToken);
        assertThat(device.notified()).containsExactly(new AuthState.SignedIn(user)); // nothing more: it was silent
    }

    @Test
    void resume_after_a_restart_uses_the_saved_refresh_token() {
        var device = device("laptop");
        UserView user = registered(device);
        var restarted = TodoApiClient.builder(server.baseUri(), device.keychain()).build();
        clients.add(restarted);

        assertThat(restarted.resume(user.id())).isEqualTo(new ApiResult.Ok<>(user));
        assertThat(restarted.me()).isEqualTo(new ApiResult.Ok<>(user));
    }

    @Test
    void a_login_filed_under_a_credential_scope_is_found_again_whatever_the_port() {
        // The embedded server listens on a new port each run; its logins are filed under a fixed scope.
        URI scope = URI.create("todo:this-computer");
        var keychain = new SessionOnlyStore("test");
        var first = TodoApiClient.builder(server.baseUri(), keychain).credentialScope(scope).build();
        clients.add(first);
        UserView user = first.register(new RegisterRequest(email, PASSWORD, "Ada", null)).okValue().orElseThrow();
        assertThat(((KeychainResult.Ok<Optional<String>>) keychain.read(new CredentialKey(scope, user.id()))).value())
                .isPresent();
        assertThat(((KeychainResult.Ok<Optional<String>>) keychain.read(new CredentialKey(server.baseUri(), user.id()))).value())
                .isEmpty();

        var nextRun = TodoApiClient.builder(server.baseUri(), keychain).credentialScope(scope).build();
        clients.add(nextRun);
        assertThat(nextRun.resume(user.id())).isEqualTo(new ApiResult.Ok<>(user));
    }

    @Test
    void logout_ends_the_session_on_the_server_too() throws IOException {
        var device = device("laptop");
        UserView user = registered(device);
        String refreshToken = device.refreshToken(user.id()).orElseThrow();

        assertThat(device.client().logout()).isEqualTo(new ApiResult.Ok<>(Done.DONE));

        assertThat(device.client().authState()).isEqualTo(new AuthState.SignedOut(SignOutReason.LOGGED_OUT));
        assertThat(device.refreshToken(user.id())).isEmpty();
        assertThat(rawRefresh(refreshToken)).isEqualTo(401);
    }

    @Test
    void a_stolen_refresh_token_used_again_signs_the_client_out() throws IOException {
        var device = device("laptop");
        UserView user = registered(device);
        String stolen = device.refreshToken(user.id()).orElseThrow();
        server.clock.advance(RealServer.PAST_ACCESS_EXPIRY);
        assertThat(device.client().me()).isEqualTo(new ApiResult.Ok<>(user)); // rotates: `stolen` is now retired

        assertThat(rawRefresh(stolen)).as("the thief's replay").isEqualTo(401); // server revokes the whole session

        var afterTheft = device.client().me();
        assertThat(afterTheft).isInstanceOf(ApiResult.Unauthorized.class);
        assertThat(device.client().authState()).isEqualTo(new AuthState.SignedOut(SignOutReason.SESSION_ENDED));
        assertThat(device.notified()).containsExactly(new AuthState.SignedIn(user), new AuthState.SignedOut(SignOutReason.SESSION_ENDED));
        assertThat(device.refreshToken(user.id())).isEmpty();
    }

    @Test
    void a_session_revoked_from_another_device_signs_that_device_out() {
        var laptop = device("laptop");
        UserView user = registered(laptop);
        var desktop = device("desktop");
        desktop.client().login(new LoginRequest(email, PASSWORD, null));
        UUID desktopSession = laptop.client().sessions().okValue().orElseThrow().items().stream()
                .filter(s -> !s.current()).findFirst().orElseThrow().id();

        assertThat(laptop.client().revokeSession(desktopSession)).isEqualTo(new ApiResult.Ok<>(Done.DONE));

        assertThat(desktop.client().me()).isInstanceOf(ApiResult.Unauthorized.class);
        assertThat(desktop.client().authState()).isEqualTo(new AuthState.SignedOut(SignOutReason.SESSION_ENDED));
        assertThat(laptop.client().me()).isEqualTo(new ApiResult.Ok<>(user));
    }

    @Test
    void a_password_change_keeps_this_device_and_signs_out_the_others() {
        var laptop = device("laptop");
        UserView user = registered(laptop);
        var desktop = device("desktop");
        desktop.client().login(new LoginRequest(email, PASSWORD, null));

        assertThat(laptop.client().changePassword(new PasswordChangeRequest(PASSWORD, "a new passphrase 2")))
                .isEqualTo(new ApiResult.Ok<>(Done.DONE));

        assertThat(laptop.client().me()).isEqualTo(new ApiResult.Ok<>(user));
        assertThat(desktop.client().me()).isInstanceOf(ApiResult.Unauthorized.class);
        assertThat(desktop.client().authState()).isEqualTo(new AuthState.SignedOut(SignOutReason.SESSION_ENDED));
    }

    @Test
    void deleting_the_account_signs_out_and_the_login_stops_working() {
        var device = device("laptop");
        UserView user = registered(device);

        assertThat(device.client().deleteAccount(new DeleteAccountRequest(PASSWORD))).isEqualTo(new ApiResult.Ok<>(Done.DONE));

        assertThat(device.client().authState()).isEqualTo(new AuthState.SignedOut(SignOutReason.ACCOUNT_DELETED));
        assertThat(device.refreshToken(user.id())).isEmpty();
        assertThat(device("again").client().login(new LoginRequest(email, PASSWORD, null))).isInstanceOf(ApiResult.Unauthorized.class);
    }

    /** What a thief holding a copied refresh token would send. */
    private int rawRefresh(String refreshToken) throws IOException {
        var http = new OkHttpClient();
        var body = RequestBody.create(ApiJson.mapper().writeValueAsBytes(new RefreshRequest(refreshToken)),
                MediaType.get("application/json"));
        var request = new Request.Builder().url(server.baseUri().resolve(ApiPaths.AUTH_REFRESH).toString()).post(body).build();
        try (Response response = http.newCall(request).execute()) {
            return response.code();
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
