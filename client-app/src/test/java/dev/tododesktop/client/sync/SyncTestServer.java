package dev.tododesktop.client.sync;

import dev.tododesktop.client.api.ApiResult;
import dev.tododesktop.client.api.RetryPolicy;
import dev.tododesktop.client.api.TodoApiClient;
import dev.tododesktop.client.keychain.SessionOnlyStore;
import dev.tododesktop.contract.auth.LoginRequest;
import dev.tododesktop.contract.auth.RegisterRequest;
import dev.tododesktop.contract.auth.UserView;
import dev.tododesktop.server.TodoServer;
import dev.tododesktop.server.config.PasswordHashing;
import dev.tododesktop.server.config.RateLimitSettings;
import dev.tododesktop.server.config.ServerConfig;
import dev.tododesktop.store.session.UserStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The real sync server in process (SQLite in a temp dir), restartable on the same port and
 * database, and devices against it: each its own API client (own session), SQLite store and engine.
 */
final class SyncTestServer implements AutoCloseable {

    static final String PASSWORD = "correct horse battery";

    private final Path dataDir;
    private ServerConfig config;
    private TodoServer server;
    private final List<Device> closeables = new ArrayList<>();

    SyncTestServer(Path dataDir) {
        this.dataDir = dataDir;
        var generous = new RateLimitSettings(1000, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofHours(1),
                10_000, Duration.ofMinutes(1), 10_000, Duration.ofMinutes(1));
        this.config = ServerConfig.embedded(dataDir.resolve("server"))
                .withPasswordHashing(PasswordHashing.forTestsOnly())
                .withRateLimits(generous)
                .withSessionCheckTtl(Duration.ZERO);
        this.server = TodoServer.start(config);
        this.config = config.withPort(server.port()); // a restart comes back on the same port
    }

    URI baseUri() {
        return server.baseUri();
    }

    void stop() {
        server.close();
        server = null;
    }

    void restart() {
        server = TodoServer.start(config);
    }

    /** A fresh account; answers its email. */
    String newAccount() {
        String email = "ada-" + UUID.randomUUID() + "@example.com";
        try (TodoApiClient client = TodoApiClient.create(baseUri(), new SessionOnlyStore("test"))) {
            var result = client.register(new RegisterRequest(email, PASSWORD, "Ada", "setup"));
            if (!(result instanceof ApiResult.Ok<UserView>)) {
                throw new IllegalStateException("register failed: " + result);
            }
        }
        return email;
    }

    Device device(String name, String email, SyncEngine.Options options) {
        return device(name, email, options, baseUri(), RetryPolicy.defaults());
    }

    Device device(String name, String email, SyncEngine.Options options, URI via, RetryPolicy retries) {
        return device(name, email, options, via, retries, Duration.ofSeconds(10));
    }

    Device device(String name, String email, SyncEngine.Options options, URI via, RetryPolicy retries,
                  Duration readTimeout) {
        TodoApiClient client = TodoApiClient.builder(via, new SessionOnlyStore("test"))
                .deviceName(name)
                .retryPolicy(retries)
                .readTimeout(readTimeout)
                .build();
        var login = client.login(new LoginRequest(email, PASSWORD, name));
        if (!(login instanceof ApiResult.Ok<UserView>(UserView user))) {
            throw new IllegalStateException("login failed: " + login);
        }
        UserStore store = UserStore.open(dataDir.resolve(name + "-" + UUID.randomUUID() + ".db"), Clock.systemUTC());
        Device device = new Device(name, client, store, user.id(), options);
        closeables.add(device);
        return device;
    }

    static SyncEngine.Options fastOptions() {
        return SyncEngine.Options.defaults()
                .withDebounce(Duration.ofMillis(50))
                .withBackoff(Duration.ofMillis(100), Duration.ofMillis(800));
    }

    @Override
    public void close() {
        for (Device c : closeables.reversed()) {
            c.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** One installation of the app. {@link #engine} is made on first use and replaced by {@link #reopen}. */
    static final class Device implements AutoCloseable {
        final String name;
        final TodoApiClient client;
        final UUID userId;
        final SyncEngine.Options options;
        UserStore store;
        private SyncEngine engine;

        Device(String name, TodoApiClient client, UserStore store, UUID userId, SyncEngine.Options options) {
            this.name = name;
            this.client = client;
            this.store = store;
            this.userId = userId;
            this.options = options;
        }

        synchronized SyncEngine engine() {
            if (engine == null) {
                engine = new SyncEngine(store, client, userId, Clock.systemUTC(), options);
            }
            return engine;
        }

        SyncReport sync() {
            return engine().syncNow().join();
        }

        /** As after a crash: the engine and store are dropped (nothing flushed on the way) and the file reopened. */
        synchronized void reopen() {
            if (engine != null) {
                engine.close();
                engine = null;
            }
            Path file = store.file();
            store.close();
            store = UserStore.open(file, Clock.systemUTC());
        }

        @Override
        public synchronized void close() {
            if (engine != null) {
                engine.close();
            }
            client.close();
            store.close();
        }
    }
}
