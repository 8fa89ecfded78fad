package dev.tododesktop.client.app;

import dev.tododesktop.client.account.AuthOutcome;
import dev.tododesktop.client.account.RemoteAccountService;
import dev.tododesktop.client.api.ApiResult;
import dev.tododesktop.client.ui.Theme;
import dev.tododesktop.client.ui.ViewLoader;
import dev.tododesktop.client.ui.account.AccountController;
import dev.tododesktop.client.ui.account.AccountViewModel;
import dev.tododesktop.client.ui.conflicts.ConflictsController;
import dev.tododesktop.client.ui.settings.SettingsController;
import dev.tododesktop.client.ui.settings.SettingsViewModel;
import dev.tododesktop.client.ui.conflicts.ConflictsViewModel;
import dev.tododesktop.client.ui.shell.ShellController;
import dev.tododesktop.client.ui.shell.ShellViewModel;
import dev.tododesktop.client.ui.shell.SignOutChoice;
import dev.tododesktop.client.ui.shell.SyncStatusText;
import dev.tododesktop.client.keychain.KeychainStatus;
import dev.tododesktop.client.sync.SyncEngine;
import dev.tododesktop.client.sync.SyncStatus;
import dev.tododesktop.client.ui.shell.UnsyncedChangesDialog;
import dev.tododesktop.store.session.UnsyncedChanges;
import dev.tododesktop.client.ui.signin.SignInController;
import dev.tododesktop.client.ui.signin.SignInViewModel;
import dev.tododesktop.client.ui.tasks.TaskEditorViewModel;
import dev.tododesktop.client.ui.tasks.TasksController;
import dev.tododesktop.client.ui.tasks.TasksViewModel;
import dev.tododesktop.store.dirs.AppDirectories;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app: one window whose content is the sign-in screen or the user's tasks. The
 * embedded server and the API client start in the background while the first screen shows.
 */
public final class TodoDesktopApp extends Application {

    private static final Logger log = LoggerFactory.getLogger(TodoDesktopApp.class);

    private final ViewLoader views = new ViewLoader();
    private AppRuntime runtime;
    private Stage stage;
    private Scene scene;
    private Optional<SignedInSession> current = Optional.empty();

    /** Off the FX thread (JavaFX's launcher thread): reading the settings is disk I/O. */
    @Override
    public void init() {
        runtime = AppRuntime.start(directories(), Clock.systemDefaultZone());
    }

    @Override
    public void start(Stage window) {
        stage = window;
        scene = new Scene(new StackPane(new Label("Starting…")), 980, 660);
        runtime.settings().theme().apply(scene);
        stage.setTitle("Todo");
        stage.setMinWidth(640);
        stage.setMinHeight(420);
        stage.setScene(scene);
        stage.show();

        Optional<UUID> remembered = runtime.settings().lastUserId();
        if (remembered.isPresent()) {
            show(centered("Signing you in…"));
            prepareFor(runtime.settings().lastAccount().filter(a -> a.userId().equals(remembered.get())));
            resume(remembered.get());
        } else {
            showSignIn();
        }
    }

    /**
     * The platform's data and config directories, unless {@code --data-dir=} / {@code --config-dir=}
     * name others (a portable install, or a test that must not touch the user's real data).
     */
    private AppDirectories directories() {
        var platform = AppDirectories.forCurrentPlatform();
        var named = getParameters().getNamed();
        return new AppDirectories(
                Optional.ofNullable(named.get("data-dir")).map(java.nio.file.Path::of).orElse(platform.dataDir()),
                Optional.ofNullable(named.get("config-dir")).map(java.nio.file.Path::of).orElse(platform.configDir()));
    }

    /** Remembered login: a valid refresh token in the keychain opens straight to the tasks. */
    private void resume(UUID userId) {
        runtime.api()
                .thenApplyAsync(api -> api.resume(userId), runtime.io())
                .whenComplete((result, error) -> Platform.runLater(() -> {
                    if (result instanceof ApiResult.Ok<?> ok && ok.value() instanceof dev.tododesktop.contract.auth.UserView user) {
                        openTasks(new AuthOutcome.SignedIn(user.id(), user.email(), user.name()));
                    } else {
                        if (error != null) {
                            log.warn("Could not resume the last session", error);
                        }
                        showSignIn();
                    }
                }));
    }

    private void showSignIn() {
        showSignIn(Optional.empty());
    }

    /** The sign-in screen, saying {@code why} when the app (not the user) ended the session. */
    private void showSignIn(Optional<String> why) {
        var accounts = new RemoteAccountService(runtime::api, runtime.io());
        var model = new SignInViewModel(accounts, Platform::runLater, this::openTasks);
        why.ifPresent(model::explain);
        var lastAccount = runtime.settings().lastAccount();
        lastAccount.ifPresent(account -> model.emailProperty().set(account.email()));
        show(views.load("sign-in.fxml", new SignInController(model)));
        logFirstScreen("sign-in");
        prepareFor(lastAccount);
        // Connect while the password is typed (off io, which the sign-in itself must not wait behind).
        runtime.api().thenAcceptAsync(api -> api.ping(), task -> Thread.ofVirtual().name("connect-ahead").start(task));
    }

    private boolean firstScreenLogged;

    /** How long the JVM took to a usable screen; the desktop benchmark reads this line from the log. */
    private void logFirstScreen(String screen) {
        if (!firstScreenLogged) {
            firstScreenLogged = true;
            Platform.runLater(() -> log.info("First screen ({}) shown {} ms after JVM start", screen,
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()));
            if (Boolean.getBoolean(EXIT_WHEN_READY)) {
                exitOnceConnected();
            }
        }
    }

    /** Shown on the sign-in screen when the server ended the session (revoked on another device, or expired). */
    static final String SESSION_ENDED = "You were signed out: this session was ended from another device, or it expired. "
            + "Changes not synced yet are kept on this computer; sign in to sync them.";

    /**
     * Set by the installer smoke test: quit normally (through {@link #stop()}) once the first
     * screen is shown and the API client, with the embedded server behind it, is up.
     */
    static final String EXIT_WHEN_READY = "todo.exitWhenReady";

    private void exitOnceConnected() {
        runtime.api().whenComplete((api, error) -> Platform.runLater(() -> {
            if (error != null) {
                log.error("{} is set, and the app did not connect", EXIT_WHEN_READY, error);
            }
            log.info("{} is set: exiting", EXIT_WHEN_READY);
            Platform.exit();
        }));
    }

    /** What exists while someone is signed in; closed on sign-out. */
    private record SignedInSession(dev.tododesktop.store.session.UserStore store, SyncEngine sync) {}

    private record SessionAndTasks(SignedInSession session, TasksViewModel tasks, CompletableFuture<Void> firstRows) {}

    /** Builds screens off the FX thread while io reads what they will show. */
    private final java.util.concurrent.Executor viewBuilder = task -> Thread.ofPlatform().name("view-builder").daemon().start(task);

    /** The signed-in screen, built off the FX thread; its model posts to the FX thread through {@code gate}. */
    private record TasksScreen(SignedInSession session, TasksViewModel tasks, ShellViewModel shell, Parent root,
                               ScreenGate gate, CompletableFuture<Void> firstRows, Runnable prepareRows) {}

    /** A tasks screen in a scene of its own, styled and laid out with its rows, that the window can take at once. */
    private record StagedTasks(TasksScreen screen, Scene scene) {}

    /** The last account's tasks screen, got ready while its password is typed; shown only if the server then names that account. */
    private record PreparedTasks(KnownAccount account, CompletableFuture<StagedTasks> staged) {}

    private Optional<PreparedTasks> prepared = Optional.empty();

    /** Thrown inside a preparation when this computer holds no tasks for the account: nothing to get ready. */
    private static final class NothingToPrepare extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NothingToPrepare() {
            super("no local tasks for the last account", null, false, false);
        }
    }

    /** Gets the last account's screen ready in the background, if this computer holds its tasks. */
    private void prepareFor(Optional<KnownAccount> account) {
        if (prepared.isPresent() || account.isEmpty()) {
            return;
        }
        var user = new AuthOutcome.SignedIn(account.get().userId(), account.get().email(), null);
        var staged = buildAndStage(user, () -> runtime.openExistingStore(user.userId()).orElseThrow(NothingToPrepare::new));
        staged.whenComplete((ready, error) -> {
            if (error != null && !(error.getCause() instanceof NothingToPrepare)) {
                log.warn("Could not get the last account's tasks ready ahead; they open after sign-in instead", error);
            }
        });
        prepared = Optional.of(new PreparedTasks(account.get(), staged));
    }

    /** Signed in (or resumed): show the prepared screen when it is this account's, else build one. */
    private void openTasks(AuthOutcome.SignedIn user) {
        var ahead = prepared.filter(p -> p.account().is(user));
        var other = prepared.filter(p -> !p.account().is(user));
        prepared = Optional.empty();
        CompletableFuture<StagedTasks> staged = ahead
                .map(p -> p.staged().exceptionallyCompose(error -> buildAndStage(user, () -> runtime.openStore(user.userId()))))
                .orElseGet(() -> other.map(this::discard).orElse(CompletableFuture.completedFuture(null))
                        .thenCompose(discarded -> buildAndStage(user, () -> runtime.openStore(user.userId()))));
        if (!staged.isDone()) {
            show(centered("Opening your tasks…"));
        }
        staged.whenComplete((ready, error) -> Platform.runLater(() -> {
            if (error != null) {
                log.error("Cannot open the local store", error);
                show(centered("Your tasks could not be opened: " + error.getMessage()));
            } else {
                reveal(ready, user);
            }
        }));
    }

    private CompletableFuture<StagedTasks> buildAndStage(AuthOutcome.SignedIn user,
                                                         java.util.function.Supplier<dev.tododesktop.store.session.UserStore> openStore) {
        return build(user, openStore).thenComposeAsync(this::stage, Platform::runLater);
    }

    /** Waits for a preparation for someone else, then closes what it opened; their tasks were never shown. */
    private CompletableFuture<Void> discard(PreparedTasks other) {
        return other.staged().handle((ready, error) -> ready).thenAcceptAsync(ready -> {
            if (ready != null) {
                ready.screen().session().sync().close();
                runtime.closeStore(UnsyncedChanges.KEEP);
            }
        }, runtime.io());
    }

    /** The store opens on io, then io reads the list while another thread builds the views. */
    private CompletableFuture<TasksScreen> build(AuthOutcome.SignedIn user,
                                                 java.util.function.Supplier<dev.tododesktop.store.session.UserStore> openStore) {
        var gate = new ScreenGate();
        return CompletableFuture.supplyAsync(() -> {
            var store = openStore.get();
            var api = runtime.api().join();
            var session = new SignedInSession(store, new SyncEngine(store, api, user.userId(), runtime.clock()));
            var tasks = new TasksViewModel(store, runtime.io(), gate, runtime.clock(),
                    ZoneId.systemDefault(), session.sync()::requestSync);
            return new SessionAndTasks(session, tasks, tasks.refresh());
        }, runtime.io()).thenApplyAsync(opened -> {
            var session = opened.session();
            var tasks = opened.tasks();
            var store = session.store();
            var tasksController = new TasksController(tasks, new TaskEditorViewModel(tasks),
                    () -> openConflicts(store, tasks, session.sync()));
            var tasksView = views.load("tasks.fxml", tasksController);
            var shell = new ShellViewModel(user.email(), runtime.settings().theme(), this::changeTheme,
                    new AppSignOut(session), unsynced -> UnsyncedChangesDialog.ask(scene.getWindow()), Platform::runLater,
                    () -> openAccount(user, session), this::openSettings);
            var root = views.load("shell.fxml", new ShellController(shell, tasksView));
            return new TasksScreen(session, tasks, shell, root, gate, opened.firstRows(), tasksController::prepareRows);
        }, viewBuilder);
    }

    /**
     * On the FX thread, in turns so none holds it long: styles and lays out the screen in a scene
     * of its own, then lets the rows in and lays out the list's cells (or, with no rows yet, has
     * the list build the cells the first sync will fill). The window then takes the scene as it is.
     */
    private CompletableFuture<StagedTasks> stage(TasksScreen screen) {
        var staged = new Scene(screen.root(), scene.getWidth(), scene.getHeight());
        runtime.settings().theme().apply(staged);
        layOut(staged);
        var ready = new CompletableFuture<StagedTasks>();
        Platform.runLater(() -> {
            try {
                screen.gate().open();
            } catch (RuntimeException e) {
                ready.completeExceptionally(e);
                return;
            }
            screen.firstRows().thenRun(() -> {
                layOut(staged);
                if (screen.tasks().tasks().isEmpty()) {
                    // A new device: its tasks come with the first sync; a third turn builds the rows they will fill.
                    Platform.runLater(() -> {
                        screen.prepareRows().run();
                        ready.complete(new StagedTasks(screen, staged));
                    });
                } else {
                    ready.complete(new StagedTasks(screen, staged));
                }
            }).exceptionally(error -> {
                ready.completeExceptionally(error);
                return null;
            });
        });
        return ready;
    }

    private static void layOut(Scene offWindow) {
        var root = offWindow.getRoot();
        root.resize(offWindow.getWidth(), offWindow.getHeight());
        root.applyCss();
        root.layout();
    }

    /** On the FX thread: the window takes the staged scene and the session starts. */
    private void reveal(StagedTasks staged, AuthOutcome.SignedIn user) {
        var screen = staged.screen();
        var session = screen.session();
        var tasks = screen.tasks();
        var shell = screen.shell();
        current = Optional.of(session);
        stage.setScene(staged.scene());
        scene = staged.scene();
        runtime.io().execute(() -> runtime.updateSettings(s -> s.withLastUser(Optional.of(user.userId()))
                .withLastAccount(Optional.of(KnownAccount.of(user)))));
        // The sync worker may post an event just before the session ends (signed out, or the app
        // closing and its io stopped); only the session still shown acts on it.
        session.sync().addRemoteChangeListener(() -> Platform.runLater(() -> {
            if (current.equals(Optional.of(session))) {
                tasks.refresh();
            }
        }));
        session.sync().addStatusListener(status -> Platform.runLater(() -> {
            shell.syncStatusProperty().set(SyncStatusText.of(status, runtime.clock(), ZoneId.systemDefault()));
            if (!current.equals(Optional.of(session))) {
                return; // signing out ("sync now" still shows its progress above), or the app closed
            }
            if (status.openConflicts() != tasks.openConflictsProperty().get()) {
                tasks.refresh(); // the list's conflicts button; changed tasks come through the remote-change listener
            }
            if (status.connectivity() == SyncStatus.Connectivity.SIGNED_OUT) {
                // Revoked elsewhere, or the refresh token expired: keep the unsynced work, ask for a sign-in.
                new AppSignOut(session, Optional.of(SESSION_ENDED)).signOut(SignOutChoice.KEEP_FOR_LATER);
            }
        }));
        shell.syncStatusProperty().set(SyncStatusText.of(session.sync().status(), runtime.clock(), ZoneId.systemDefault()));
        runtime.api().thenAccept(api -> {
            if (api.keychainStatus() instanceof KeychainStatus.SessionOnly sessionOnly) {
                log.warn("No OS keychain: the login is kept for this run only ({})", sessionOnly.reason());
                Platform.runLater(() -> shell.noticeProperty().set("No keychain here: you will sign in again next time"));
            }
        });
        session.sync().start();
        logFirstScreen("tasks");
    }

    private void openAccount(AuthOutcome.SignedIn user, SignedInSession session) {
        var api = runtime.api().getNow(null);
        if (api == null) {
            return;
        }
        var window = new javafx.stage.Stage();
        window.initOwner(scene.getWindow());
        window.initModality(javafx.stage.Modality.WINDOW_MODAL);
        window.setTitle("Account — " + user.email());
        var model = new AccountViewModel(api, user.email(), runtime.io(), Platform::runLater, () -> {
            window.close();
            new AppSignOut(session).signOut(SignOutChoice.KEEP_FOR_LATER);
        }, () -> {
            window.close();
            // Forgotten before the sign-in screen shows, so that screen neither offers nor prepares this account.
            new AppSignOut(session, Optional.empty(), () -> runtime.forgetDevice(user.userId()))
                    .signOut(SignOutChoice.DISCARD);
        });
        var accountScene = new Scene(views.load("account.fxml", new AccountController(model)), 520, 560);
        runtime.settings().theme().apply(accountScene);
        window.setScene(accountScene);
        window.show();
    }

    private void openConflicts(dev.tododesktop.store.session.UserStore store, TasksViewModel tasks, SyncEngine sync) {
        var window = new javafx.stage.Stage();
        window.initOwner(scene.getWindow());
        window.setTitle("Conflicts");
        var model = new ConflictsViewModel(store, runtime.io(), Platform::runLater, ZoneId.systemDefault(), () -> {
            tasks.refresh();
            // Keeping mine queued an edit: push it now (and let the status line count it), as after any edit.
            sync.requestSync();
        });
        // Sync may settle or find conflicts while the window is open: it shows them as they are.
        javafx.beans.value.ChangeListener<Number> reload = (obs, was, now) -> model.load();
        tasks.openConflictsProperty().addListener(reload);
        window.setOnHidden(e -> tasks.openConflictsProperty().removeListener(reload));
        var conflictsScene = new Scene(views.load("conflicts.fxml", new ConflictsController(model)), 620, 420);
        runtime.settings().theme().apply(conflictsScene);
        window.setScene(conflictsScene);
        window.show();
    }

    private void openSettings() {
        var window = new javafx.stage.Stage();
        window.initOwner(scene.getWindow());
        window.setTitle("Settings");
        Optional<java.net.URI> current = runtime.settings().server() instanceof ServerChoice.Remote remote
                ? Optional.of(remote.url()) : Optional.empty();
        var model = new SettingsViewModel(current, runtime.io(), Platform::runLater, chosen ->
                runtime.io().execute(() -> runtime.updateSettings(s -> s.withServer(
                        chosen.<ServerChoice>map(ServerChoice.Remote::new).orElse(new ServerChoice.ThisComputer())))));
        var settingsScene = new Scene(views.load("settings.fxml", new SettingsController(model)), 460, 320);
        runtime.settings().theme().apply(settingsScene);
        window.setScene(settingsScene);
        window.show();
    }

    private void changeTheme(Theme theme) {
        theme.apply(scene);
        runtime.io().execute(() -> runtime.updateSettings(s -> s.withTheme(theme)));
    }

    /** Signing out: end the server session, close the store as the user chose, forget the login. */
    private final class AppSignOut implements ShellViewModel.SignOut {
        private final SignedInSession session;

        private final Optional<String> why;

        private final Runnable afterClosing;

        AppSignOut(SignedInSession session) {
            this(session, Optional.empty());
        }

        AppSignOut(SignedInSession session, Optional<String> why) {
            this(session, why, () -> { });
        }

        /**
         * @param why          what the sign-in screen then says, when the user did not ask to sign out
         * @param afterClosing runs on io once the store is closed, before the sign-in screen shows
         */
        AppSignOut(SignedInSession session, Optional<String> why, Runnable afterClosing) {
            this.session = session;
            this.why = why;
            this.afterClosing = afterClosing;
        }

        @Override
        public CompletableFuture<Boolean> hasUnsyncedChanges() {
            return CompletableFuture.supplyAsync(session.store()::hasUnsyncedChanges, runtime.io());
        }

        @Override
        public CompletableFuture<Void> signOut(SignOutChoice choice) {
            if (!current.equals(Optional.of(session))) {
                return CompletableFuture.completedFuture(null); // already signed out
            }
            current = Optional.empty();
            CompletableFuture<?> lastSync = choice == SignOutChoice.SYNC_NOW
                    ? session.sync().syncNow().completeOnTimeout(null, 15, java.util.concurrent.TimeUnit.SECONDS)
                    : CompletableFuture.completedFuture(null);
            return lastSync.exceptionally(e -> null).thenCombine(runtime.api(), (ignored, api) -> api).thenAcceptAsync(api -> {
                session.sync().close();
                var result = api.logout();
                if (!(result instanceof ApiResult.Ok<?>)) {
                    log.info("Server-side logout did not complete ({}); local sign-out goes ahead", result);
                }
                runtime.closeStore(choice == SignOutChoice.DISCARD ? UnsyncedChanges.DISCARD : UnsyncedChanges.KEEP);
                runtime.updateSettings(s -> s.withLastUser(Optional.empty()));
                afterClosing.run();
            }, runtime.io()).whenComplete((v, error) -> Platform.runLater(() -> {
                if (error != null) {
                    log.error("Sign-out failed", error);
                }
                showSignIn(why);
            }));
        }
    }

    private void show(Parent root) {
        scene.setRoot(root);
        Theme theme = runtime.settings().theme();
        theme.apply(scene);
    }

    private static Parent centered(String text) {
        var label = new Label(text);
        label.getStyleClass().add("title-3");
        return new StackPane(label);
    }

    @Override
    public void stop() {
        current.ifPresent(session -> session.sync().close());
        current = Optional.empty();
        prepared.map(PreparedTasks::staged).filter(f -> f.isDone() && !f.isCompletedExceptionally())
                .ifPresent(f -> f.join().screen().session().sync().close());
        if (runtime != null) {
            runtime.close();
        }
    }
}
