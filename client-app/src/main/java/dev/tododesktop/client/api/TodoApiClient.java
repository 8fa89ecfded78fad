package dev.tododesktop.client.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tododesktop.client.Done;
import dev.tododesktop.client.auth.AuthListener;
import dev.tododesktop.client.auth.AuthState;
import dev.tododesktop.client.auth.RefreshOutcome;
import dev.tododesktop.client.auth.SessionKeeper;
import dev.tododesktop.client.auth.SignOutReason;
import dev.tododesktop.client.keychain.CredentialStore;
import dev.tododesktop.client.keychain.KeychainStatus;
import dev.tododesktop.contract.ApiJson;
import dev.tododesktop.contract.ApiPaths;
import dev.tododesktop.contract.Problem;
import dev.tododesktop.contract.auth.DeleteAccountRequest;
import dev.tododesktop.contract.auth.LoginRequest;
import dev.tododesktop.contract.auth.PasswordChangeRequest;
import dev.tododesktop.contract.auth.RegisterRequest;
import dev.tododesktop.contract.auth.SessionList;
import dev.tododesktop.contract.auth.TokenResponse;
import dev.tododesktop.contract.auth.UserView;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The sync server's API for the desktop app. Every method blocks (call it off the UI thread),
 * never throws for network or server trouble, and answers an {@link ApiResult}. Access tokens
 * are added and refreshed behind the caller's back; when the session ends, the client is signed
 * out and {@link AuthListener}s are told.
 */
public final class TodoApiClient implements AutoCloseable {

    private static final MediaType JSON = MediaType.get("application/json");
    /** Long enough for a distant server's answer, short enough to try again soon. */
    static final java.time.Duration PROBE_TIMEOUT = java.time.Duration.ofSeconds(3);

    private final HttpUrl baseUrl;
    private final ObjectMapper mapper = ApiJson.mapper();
    private final OkHttpClient http;
    private final OkHttpClient probeHttp;
    private final SessionKeeper session;
    private final ResultReader reader;
    private final ApiClientConfig config;
    private final Runnable onClose;
    private final SyncApi sync;
    private volatile OkHttpClient streamingHttp;

    TodoApiClient(ApiClientConfig config, CredentialStore store, OkHttpClient baseHttp,
                  ScheduledExecutorService scheduler, Runnable onClose) {
        this.config = config;
        this.baseUrl = HttpUrl.get(config.baseUri().toString());
        this.onClose = onClose;
        // The refresh call bypasses the interceptors below and is never resent by OkHttp either:
        // resending a rotated refresh token would look like theft to the server.
        OkHttpClient refreshHttp = baseHttp.newBuilder().retryOnConnectionFailure(false).build();
        this.session = new SessionKeeper(config.credentialScope(), store, new TokenEndpoint(refreshHttp, baseUrl, mapper),
                config.clock(), scheduler, config.proactiveRefreshFraction());
        this.http = baseHttp.newBuilder()
                .retryOnConnectionFailure(false) // RetryInterceptor is the only place that retries
                .addInterceptor(new RetryInterceptor(config.retryPolicy(), config.sleeper(), config.random()))
                .addInterceptor(new BearerInterceptor(session))
                .authenticator(new RefreshingAuthenticator(session))
                .build();
        this.probeHttp = http.newBuilder().callTimeout(PROBE_TIMEOUT).build();
        this.reader = new ResultReader(mapper);
        this.sync = new SyncApi(this);
    }

    /** A client for the server at {@code baseUri} with default timeouts and retries. */
    public static TodoApiClient create(URI baseUri, CredentialStore store) {
        return builder(baseUri, store).build();
    }

    public static TodoApiClientBuilder builder(URI baseUri, CredentialStore store) {
        return new TodoApiClientBuilder(baseUri, store);
    }

    public ApiClientConfig config() {
        return config;
    }

    // --- session state ---------------------------------------------------------------

    public AuthState authState() {
        return session.state();
    }

    /** Where the refresh token is kept; {@link KeychainStatus.SessionOnly} means the user must sign in again after a restart. */
    public KeychainStatus keychainStatus() {
        return session.keychainStatus();
    }

    public void addAuthListener(AuthListener listener) {
        session.addListener(listener);
    }

    public void removeAuthListener(AuthListener listener) {
        session.removeListener(listener);
    }

    /** The signed-in user's id, the {@code {user_id}} of task and sync paths. */
    public Optional<UUID> userId() {
        return session.userId();
    }

    /** Pull, push and the event stream, for the sync engine. */
    public SyncApi sync() {
        return sync;
    }

    // --- accounts --------------------------------------------------------------------

    /** Creates an account and signs in. 409 (already registered) and 422 (field errors) come back as {@link ApiResult.Rejected}. */
    public ApiResult<UserView> register(RegisterRequest request) {
        return startSession(post(ApiPaths.AUTH_REGISTER, withDevice(request)));
    }

    /**
     * Asks the server's {@code /health}, without credentials. Besides saying whether the server
     * answers, it leaves an open connection for the next request to reuse: the app pings while a
     * password is typed, so the sign-in does not also wait for a connect (and a TLS handshake).
     */
    public ApiResult<Done> ping() {
        Request request = new Request.Builder().url(url(ApiPaths.HEALTH)).get()
                .tag(BearerInterceptor.Anonymous.class, BearerInterceptor.Anonymous.REQUEST)
                .build();
        return reader.execute(http.newCall(request), type(Done.class));
    }

    /**
     * One quick {@code /health} check without retries (at most {@link #PROBE_TIMEOUT}): the sync
     * engine asks it while the server is unreachable, to reconnect as soon as it answers again.
     */
    public ApiResult<Done> probe() {
        Request request = new Request.Builder().url(url(ApiPaths.HEALTH)).get()
                .tag(BearerInterceptor.Anonymous.class, BearerInterceptor.Anonymous.REQUEST)
                .tag(RetryInterceptor.SingleAttempt.class, RetryInterceptor.SingleAttempt.REQUEST)
                .build();
        return reader.execute(probeHttp.newCall(request), type(Done.class));
    }

    /** Signs in. Wrong credentials are {@link ApiResult.Unauthorized}; too many attempts {@link ApiResult.RateLimited}. */
    public ApiResult<UserView> login(LoginRequest request) {
        return startSession(post(ApiPaths.AUTH_LOGIN, withDevice(request)));
    }

    /**
     * Continues the login saved in the keychain for {@code userId} (at start-up). Answers
     * {@link ApiResult.Unauthorized} when there is none or the server ended it, {@link ApiResult.Offline}
     * when the server cannot be asked (the saved login is kept for a later try).
     */
    public ApiResult<UserView> resume(UUID userId) {
        return switch (session.resume(userId)) {
            case RefreshOutcome.Refreshed refreshed -> session.state() instanceof AuthState.SignedIn(UserView user)
                    ? new ApiResult.Ok<>(user)
                    : signedOut();
            case RefreshOutcome.SignedOut signedOut -> signedOut();
            case RefreshOutcome.NotNow(String reason) -> new ApiResult.Offline<>(reason);
        };
    }

    /**
     * Revokes this session on the server and signs out here whatever the server says (the
     * keychain entry is deleted). Answers what the server said, so the UI can mention a
     * session left open on an unreachable server.
     */
    public ApiResult<Done> logout() {
        if (session.accessToken().isEmpty()) {
            return new ApiResult.Ok<>(Done.DONE);
        }
        Request request = new Request.Builder().url(url(ApiPaths.AUTH_LOGOUT))
                .post(RequestBody.create(new byte[0], JSON))
                .tag(Idempotent.class, Idempotent.MARKED) // revoking twice is harmless
                .build();
        ApiResult<Done> result = reader.execute(http.newCall(request), type(Done.class));
        session.signOut(SignOutReason.LOGGED_OUT);
        return result;
    }

    public ApiResult<UserView> me() {
        return authenticated(() -> get(ApiPaths.AUTH_ME), UserView.class);
    }

    public ApiResult<SessionList> sessions() {
        return authenticated(() -> get(ApiPaths.AUTH_SESSIONS), SessionList.class);
    }

    /** Signs another device out. An id that is not one of this user's sessions is {@link ApiResult.Rejected} (404). */
    public ApiResult<Done> revokeSession(UUID sessionId) {
        return authenticated(() -> new Request.Builder().url(url(ApiPaths.session(sessionId))).delete().build(), Done.class);
    }

    /** Changes the password; the server signs out every other session. A wrong current password is a 422 on {@code current_password}. */
    public ApiResult<Done> changePassword(PasswordChangeRequest request) {
        return authenticated(() -> post(ApiPaths.AUTH_PASSWORD, request), Done.class);
    }

    /** Deletes the account and everything in it on the server, then signs out here. */
    public ApiResult<Done> deleteAccount(DeleteAccountRequest request) {
        ApiResult<Done> result = authenticated(
                () -> new Request.Builder().url(url(ApiPaths.AUTH_ME)).delete(json(request)).build(), Done.class);
        if (result.isOk()) {
            session.signOut(SignOutReason.ACCOUNT_DELETED);
        }
        return result;
    }

    // --- plumbing --------------------------------------------------------------------

    private ApiResult<UserView> startSession(Request request) {
        Request anonymous = request.newBuilder().tag(BearerInterceptor.Anonymous.class, BearerInterceptor.Anonymous.REQUEST).build();
        ApiResult<TokenResponse> result = reader.execute(http.newCall(anonymous), type(TokenResponse.class));
        if (result instanceof ApiResult.Ok<TokenResponse>(TokenResponse tokens)) {
            return switch (session.signIn(tokens)) {
                case AuthState.SignedIn(UserView user) -> new ApiResult.Ok<>(user);
                case AuthState.SignedOut signedOut -> new ApiResult.ServerError<>(0,
                        "signed in, but the login could not be kept: " + session.keychainStatus());
            };
        }
        return result.map(tokens -> tokens.user());
    }

    /** Runs a request that needs a session; without one it answers Unauthorized without a network call. */
    <T> ApiResult<T> authenticated(Supplier<Request> request, Class<T> bodyType) {
        return authenticated(request, type(bodyType));
    }

    <T> ApiResult<T> authenticated(Supplier<Request> request, JavaType bodyType) {
        if (session.accessToken().isEmpty()) {
            return signedOut();
        }
        return reader.execute(http.newCall(request.get()), bodyType);
    }

    /** Like {@link #authenticated}, for paths that name the signed-in user. */
    <T> ApiResult<T> forUser(Function<UUID, Request> request, Class<T> bodyType) {
        Optional<UUID> user = session.userId();
        if (user.isEmpty()) {
            return signedOut();
        }
        return reader.execute(http.newCall(request.apply(user.get())), type(bodyType));
    }

    /** What a call that needs a session answers without one, without touching the network. */
    <T> ApiResult<T> signedOut() {
        return new ApiResult.Unauthorized<>(Problem.of(401, "Signed out", "Sign in to continue."));
    }

    private RegisterRequest withDevice(RegisterRequest r) {
        return r.deviceName() != null ? r : new RegisterRequest(r.email(), r.password(), r.name(), config.deviceName());
    }

    private LoginRequest withDevice(LoginRequest r) {
        return r.deviceName() != null ? r : new LoginRequest(r.email(), r.password(), config.deviceName());
    }

    Request get(String path) {
        return new Request.Builder().url(url(path)).get().build();
    }

    Request post(String path, Object body) {
        return new Request.Builder().url(url(path)).post(json(body)).build();
    }

    RequestBody json(Object body) {
        try {
            return RequestBody.create(mapper.writeValueAsBytes(body), JSON);
        } catch (JsonProcessingException e) {
            // Our own records always serialise; failing here is a programming error.
            throw new IllegalStateException("cannot encode " + body.getClass().getSimpleName(), e);
        }
    }

    /** For tests: the connections kept open for reuse. */
    okhttp3.ConnectionPool connectionPool() {
        return http.connectionPool();
    }

    HttpUrl url(String path) {
        return baseUrl.resolve(path);
    }

    JavaType type(Class<?> type) {
        return mapper.constructType(type);
    }

    /**
     * The same client (bearer interceptor, single-flight refresh, retries) with a read timeout
     * fit for a long-lived event stream: the server sends a heartbeat every 15 s.
     */
    OkHttpClient streamingHttp() {
        OkHttpClient current = streamingHttp;
        if (current == null) {
            synchronized (this) {
                current = streamingHttp;
                if (current == null) {
                    current = http.newBuilder().readTimeout(java.time.Duration.ofSeconds(45)).build();
                    streamingHttp = current;
                }
            }
        }
        return current;
    }

    /** For tests in this package that must see the tokens (to prove they leak nowhere). */
    SessionKeeper sessionKeeper() {
        return session;
    }

    @Override
    public void close() {
        session.close();
        onClose.run();
    }
}
