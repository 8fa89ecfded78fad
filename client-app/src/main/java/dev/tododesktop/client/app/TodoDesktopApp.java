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
    private Scene scene;
    private Optional<SignedInSession> current = Optional.empty();

    @Override
    public void start(Stage stage) {
        runtime = AppRuntime.start(directories(), Clock.systemDefaultZone());
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
        show(views.load("sign-in.fxml", new SignInController(model)));
        logFirstScreen("sign-in");
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

    private record SessionAndTasks(SignedInSession session, TasksViewModel tasks, SyncStatus initialStatus) {}

    /** Builds screens off the FX thread while io reads what they will show. */
    private final java.util.concurrent.Executor viewBuilder = task -> Thread.ofPlatform().name("view-builder").daemon().start(task);

    /** The signed-in screen, built off the FX thread so the switch to it does not freeze the window. */
    private record TasksScreen(SignedInSession session, TasksViewModel tasks, ShellViewModel shell, Parent root,
                               SyncStatus initialStatus) {}

    private void openTasks(AuthOutcome.SignedIn user) {
        show(centered("Opening your tasks…"));
        // The store opens on io, then io reads the list while another thread builds the views.
        var gate = new ScreenGate();
        CompletableFuture.supplyAsync(() -> {
            var store = runtime.openStore(user.userId());
            var api = runtime.api().join();
            var session = new SignedInSession(store, new SyncEngine(store, api, user.userId(), runtime.clock()));
            var tasks = new TasksViewModel(store, runtime.io(), gate, runtime.clock(),
                    ZoneId.systemDefault(), session.sync()::requestSync);
            tasks.refresh();
            return new SessionAndTasks(session, tasks, session.sync().status());
        }, runtime.io()).thenApplyAsync(opened -> {
            var session = opened.session();
            var tasks = opened.tasks();
            var store = session.store();
            var tasksView = views.load("tasks.fxml", new TasksController(tasks, new TaskEditorViewModel(tasks),
                    () -> openConflicts(store, tasks, session.sync())));
            var shell = new ShellViewModel(user.email(), runtime.settings().theme(), this::changeTheme,
                    new AppSignOut(session), unsynced -> UnsyncedChangesDialog.ask(scene.getWindow()), Platform::runLater,
                    () -> openAccount(user, session), this::openSettings);
            var root = views.load("shell.fxml", new ShellController(shell, tasksView));
            runtime.io().execute(() -> runtime.updateSettings(s -> s.withLastUser(Optional.of(user.userId()))));
            return new TasksScreen(session, tasks, shell, root, opened.initialStatus());
        }, viewBuilder).whenComplete((screen, error) -> Platform.runLater(() -> {
            if (error != null) {
                log.error("Cannot open the local store", error);
                show(centered("Your tasks could not be opened: " + error.getMessage()));
                return;
            }
            var session = screen.session();
            var tasks = screen.tasks();
            var shell = screen.shell();
            current = Optional.of(session);
            show(screen.root());
            gate.open();
            session.sync().addRemoteChangeListener(() -> Platform.runLater(tasks::refresh));
            session.sync().addStatusListener(status -> Platform.runLater(() -> {
                shell.syncStatusProperty().set(SyncStatusText.of(status, runtime.clock(), ZoneId.systemDefault()));
                if (status.openConflicts() != tasks.openConflictsProperty().get()) {
                    tasks.refresh(); // the list's conflicts button; changed tasks come through the remote-change listener
                }
                if (status.connectivity() == SyncStatus.Connectivity.SIGNED_OUT && current.equals(Optional.of(session))) {
                    // Revoked elsewhere, or the refresh token expired: keep the unsynced work, ask for a sign-in.
                    new AppSignOut(session, Optional.of(SESSION_ENDED)).signOut(SignOutChoice.KEEP_FOR_LATER);
                }
            }));
            shell.syncStatusProperty().set(SyncStatusText.of(screen.initialStatus(), runtime.clock(), ZoneId.systemDefault()));
            runtime.api().thenAccept(api -> {
                if (api.keychainStatus() instanceof KeychainStatus.SessionOnly sessionOnly) {
                    log.warn("No OS keychain: the login is kept for this run only ({})", sessionOnly.reason());
                    Platform.runLater(() -> shell.noticeProperty().set("No keychain here: you will sign in again next time"));
                }
            });
            session.sync().start();
            logFirstScreen("tasks");
        }));
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
            new AppSignOut(session).signOut(SignOutChoice.DISCARD)
                    .thenRunAsync(() -> runtime.forgetDevice(user.userId()), runtime.io())
                    .exceptionally(e -> {
                        log.error("Could not delete this device's copy of the tasks", e);
                        return null;
                    });
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

        AppSignOut(SignedInSession session) {
            this(session, Optional.empty());
        }

        /** @param why what the sign-in screen then says, when the user did not ask to sign out */
        AppSignOut(SignedInSession session, Optional<String> why) {
            this.session = session;
            this.why = why;
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
        if (runtime != null) {
            runtime.close();
        }
    }
}
