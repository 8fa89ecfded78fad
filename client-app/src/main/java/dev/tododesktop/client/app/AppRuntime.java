package dev.tododesktop.client.app;

import dev.tododesktop.client.account.AccountService;
import dev.tododesktop.client.account.RemoteAccountService;
import dev.tododesktop.client.api.TodoApiClient;
import dev.tododesktop.client.keychain.CredentialStore;
import dev.tododesktop.client.keychain.CredentialStores;
import dev.tododesktop.files.PrivateFiles;
import dev.tododesktop.server.TodoServer;
import dev.tododesktop.server.config.ServerConfig;
import dev.tododesktop.store.dirs.AppDirectories;
import dev.tododesktop.store.dirs.UserKey;
import dev.tododesktop.store.session.LocalStores;
import dev.tododesktop.store.session.UnsyncedChanges;
import dev.tododesktop.store.session.UserStore;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the app runs on besides its windows: the settings, the embedded sync server (or
 * the remote one's address), the API client, the local stores, and the threads off the FX thread:
 * {@link #io()}, one thread for disk work in order (the store, the settings), and
 * {@link #network()}, a virtual thread per server call, so a slow or hanging call never holds up
 * a local edit. Starting it returns at once; the server comes up in the background so the first
 * screen is not kept waiting.
 */
public final class AppRuntime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AppRuntime.class);
    private static final java.util.Set<String> APP_FOLDER_NAMES = java.util.Set.of("todo-desktop", "TodoDesktop");

    private final AppDirectories dirs;
    private final SettingsFile settingsFile;
    private final Clock clock;
    private final ExecutorService io;
    private final ExecutorService network;
    private final LocalStores stores;
    /** Replaced when the person switches servers; read it each time. */
    private volatile CompletableFuture<TodoApiClient> api;
    private volatile AppSettings settings;
    private volatile Optional<TodoServer> embedded = Optional.empty();

    private AppRuntime(AppDirectories dirs, Clock clock) {
        this.dirs = dirs;
        this.clock = clock;
        makePrivate(dirs);
        this.settingsFile = new SettingsFile(dirs.configDir());
        this.settings = settingsFile.load();
        this.io = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("todo-io").daemon().factory());
        this.network = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("todo-net-", 0).factory());
        this.stores = new LocalStores(dirs, clock);
        this.api = CompletableFuture.supplyAsync(this::connect, Executors.newVirtualThreadPerTaskExecutor());
    }

    public static AppRuntime start(AppDirectories dirs, Clock clock) {
        return new AppRuntime(dirs, clock);
    }

    /**
     * The data and config directories, and what an older version left in them, become
     * owner-only before anything is read or written there: another account on this computer
     * must not read a task, a log line or the embedded server's database. Only the app's own
     * entries are walked, so a {@code --data-dir} that holds other things keeps them as they are,
     * and the directory itself is tightened only when it is the app's folder ({@code todo-desktop},
     * {@code TodoDesktop}).
     */
    private static void makePrivate(AppDirectories dirs) {
        var loose = new java.util.ArrayList<java.nio.file.Path>();
        for (var dir : java.util.List.of(dirs.dataDir(), dirs.configDir())) {
            try {
                // The platform's own folders are ours to tighten; a --data-dir someone named may be shared.
                if (APP_FOLDER_NAMES.contains(String.valueOf(dir.getFileName()))) {
                    PrivateFiles.ownDirectory(dir);
                } else {
                    PrivateFiles.directory(dir);
                }
            } catch (java.io.IOException e) {
                loose.add(dir);
            }
        }
        for (var own : java.util.List.of(dirs.usersDir(), dirs.dataDir().resolve("server"), dirs.dataDir().resolve("logs"))) {
            loose.addAll(PrivateFiles.restrictTree(own));
        }
        try {
            PrivateFiles.restrict(SettingsFile.pathIn(dirs.configDir()));
        } catch (java.io.IOException e) {
            loose.add(SettingsFile.pathIn(dirs.configDir()));
        }
        if (!loose.isEmpty()) {
            log.warn("Could not make {} of the app's files owner-only, e.g. {}", loose.size(), loose.getFirst());
        }
    }

    private TodoApiClient connect() {
        CredentialStore keychain = CredentialStores.osKeychain();
        URI base = switch (settings.server()) {
            case ServerChoice.ThisComputer local when embedded.isPresent() -> embedded.get().baseUri();
            case ServerChoice.ThisComputer local -> {
                var serverDir = dirs.dataDir().resolve("server");
                var config = ServerConfig.embedded(serverDir);
                config = EmbeddedServerKeys.forServer(serverDir, keychain).map(config::withKeyEncryptionKeys).orElse(config);
                var server = TodoServer.start(config);
                embedded = Optional.of(server);
                log.info("Embedded sync server listening on {}", server.baseUri());
                yield server.baseUri();
            }
            case ServerChoice.Remote remote -> {
                prepareSqlite(); // the embedded server would have loaded it; nothing else does before sign-in
                yield remote.url();
            }
        };
        URI scope = switch (settings.server()) {
            case ServerChoice.ThisComputer local -> URI.create("todo:this-computer");
            case ServerChoice.Remote remote -> remote.url();
        };
        CredentialStore credentials = CredentialStores.forThisMachine(scope, keychain);
        return TodoApiClient.builder(base, credentials).credentialScope(scope).clock(clock).build();
    }

    private static void prepareSqlite() {
        try {
            LocalStores.prepare();
        } catch (RuntimeException e) {
            log.warn("SQLite could not be prepared ahead; the first store open will say why", e);
        }
    }

    public CompletableFuture<TodoApiClient> api() {
        return api;
    }

    /** Disk work, one task at a time in order: never a server call. */
    public ExecutorService io() {
        return io;
    }

    /** Server calls, each on its own virtual thread: never store or settings work. */
    public ExecutorService network() {
        return network;
    }

    /** Sign-in and registration, on {@link #network()}. */
    public AccountService accounts() {
        return new RemoteAccountService(this::api, network);
    }

    public Clock clock() {
        return clock;
    }

    public AppDirectories directories() {
        return dirs;
    }

    public AppSettings settings() {
        return settings;
    }

    public synchronized void updateSettings(UnaryOperator<AppSettings> change) {
        settings = change.apply(settings);
        settingsFile.save(settings);
    }

    /** Opens the signed-in user's store; any other user's store is closed first. Call on {@code io}. */
    public UserStore openStore(UUID userId) {
        stores.current().ifPresent(s -> stores.logout(UnsyncedChanges.KEEP));
        return stores.login(new UserKey(settings.server().identity(), userId));
    }

    /**
     * Opens the user's store only when this computer holds one already (a store made for a guess
     * would be an empty file for nobody). Call on {@code io}.
     */
    public Optional<UserStore> openExistingStore(UUID userId) {
        return hasLocalTasks(userId) ? Optional.of(openStore(userId)) : Optional.empty();
    }

    /**
     * From now on the app talks to {@code choice}: it is saved, the old API client is closed
     * (and the embedded server, when leaving it), and a new client connects in the background.
     * Nobody may be signed in (their store is closed first). Call on {@code io}.
     */
    public synchronized CompletableFuture<TodoApiClient> switchServer(ServerChoice choice) {
        if (stores.current().isPresent()) {
            throw new IllegalStateException("a store is open: sign out before switching servers");
        }
        var old = api;
        updateSettings(s -> s.withServer(choice));
        old.thenAccept(TodoApiClient::close);
        if (choice instanceof ServerChoice.Remote && embedded.isPresent()) {
            var server = embedded.get();
            embedded = Optional.empty();
            old.handle((client, error) -> null).thenRun(() -> {
                server.close();
                log.info("Embedded sync server stopped: the app syncs with {} now", choice.identity());
            });
        }
        api = CompletableFuture.supplyAsync(this::connect, Executors.newVirtualThreadPerTaskExecutor());
        log.info("Switched servers: {}", choice.identity());
        return api;
    }

    /** Whether this computer keeps tasks of {@code userId} for the server in use. Call on {@code io}. */
    public boolean hasLocalTasks(UUID userId) {
        return java.nio.file.Files.exists(stores.databaseFile(new UserKey(settings.server().identity(), userId)));
    }

    /** Closes the signed-in user's store, keeping or discarding what was not synced. Call on {@code io}. */
    public void closeStore(UnsyncedChanges unsynced) {
        if (stores.current().isPresent()) {
            stores.logout(unsynced);
        }
    }

    /** Deletes this user's local files (tasks, outbox); the store must be closed. Call on {@code io}. */
    public void forgetDevice(UUID userId) {
        stores.forgetDevice(new UserKey(settings.server().identity(), userId));
        updateSettings(s -> s.lastAccount().filter(a -> a.userId().equals(userId)).isPresent()
                ? s.withLastAccount(Optional.empty()) : s);
    }

    @Override
    public void close() {
        network.shutdown(); // a call still waiting for the server is not waited for
        io.shutdown();
        try {
            if (!io.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("Background work did not finish within 5 s of closing");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stores.current().ifPresent(s -> stores.logout(UnsyncedChanges.KEEP));
        api.thenAccept(TodoApiClient::close);
        embedded.ifPresent(server -> {
            server.close();
            log.info("Embedded sync server stopped");
        });
    }
}
