package dev.tododesktop.client.app;

import dev.tododesktop.client.account.AuthOutcome;
import dev.tododesktop.client.api.ApiResult;
import dev.tododesktop.client.ui.FxmlFile;
import dev.tododesktop.client.ui.Theme;
import dev.tododesktop.client.ui.ViewLoader;
import dev.tododesktop.client.ui.settings.SettingsController;
import dev.tododesktop.client.ui.settings.SettingsViewModel;
import dev.tododesktop.client.ui.signin.SignInController;
import dev.tododesktop.client.ui.signin.SignInViewModel;
import dev.tododesktop.contract.auth.UserView;
import dev.tododesktop.store.dirs.AppDirectories;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app: one main window showing the sign-in screen or a signed-in session's tasks.
 * The embedded server and the API client start in the background while the first screen shows.
 * {@link Windows} owns the windows, {@link SignedInSession} a session's life, and
 * {@link TasksScreenFactory} builds the signed-in screen.
 */
public final class TodoDesktopApp extends Application {

    private static final Logger log = LoggerFactory.getLogger(TodoDesktopApp.class);

    /**
     * Set by the installer smoke test: quit normally (through {@link #stop()}) once the first
     * screen is shown and the API client, with the embedded server behind it, is up.
     */
    static final String EXIT_WHEN_READY = "todo.exitWhenReady";

    private final ViewLoader views = new ViewLoader();
    private AppRuntime runtime;
    private Windows windows;
    private TasksScreenFactory screens;
    private Optional<SignedInSession> current = Optional.empty();
    private boolean firstScreenLogged;

    /** Off the FX thread (JavaFX's launcher thread): reading the settings is disk I/O. */
    @Override
    public void init() {
        runtime = AppRuntime.start(directories(), Clock.systemDefaultZone());
    }

    @Override
    public void start(Stage window) {
        windows = new Windows(window, views, runtime.settings().theme(), centered("Starting…"), 980, 660);
        screens = new TasksScreenFactory(views, new SignedInSession.Surroundings(runtime, windows, this::changeTheme,
                this::openSettings, this::showSignIn));
        window.setTitle("Todo");
        window.setMinWidth(640);
        window.setMinHeight(420);
        window.show();

        Optional<UUID> remembered = runtime.settings().lastUserId();
        if (remembered.isPresent()) {
            windows.show(centered("Signing you in…"));
            screens.prepareFor(runtime.settings().lastAccount().filter(a -> a.userId().equals(remembered.get())));
            resume(remembered.get());
        } else {
            showSignIn(Optional.empty());
        }
    }

    /** The platform's data and config directories, unless the command line names others. */
    private AppDirectories directories() {
        return LaunchArguments.parse(getParameters().getRaw()).directories();
    }

    /** Remembered login: a valid refresh token in the keychain opens straight to the tasks. */
    private void resume(UUID userId) {
        runtime.api()
                .thenApplyAsync(api -> api.resume(userId), runtime.network())
                .whenComplete((result, error) -> Platform.runLater(() -> {
                    if (result instanceof ApiResult.Ok<?> ok && ok.value() instanceof UserView user) {
                        openTasks(new AuthOutcome.SignedIn(user.id(), user.email(), user.name()));
                    } else {
                        if (error != null) {
                            log.warn("Could not resume the last session", error);
                        }
                        showSignIn(Optional.empty());
                    }
                }));
    }

    /** The sign-in screen, saying {@code why} when the app (not the user) ended the session. */
    private void showSignIn(Optional<String> why) {
        current = Optional.empty();
        var model = new SignInViewModel(runtime.accounts(), Platform::runLater, this::openTasks);
        why.ifPresent(model::explain);
        var lastAccount = runtime.settings().lastAccount();
        lastAccount.ifPresent(account -> model.emailProperty().set(account.email()));
        windows.show(FxmlFile.SIGN_IN, new SignInController(model));
        logFirstScreen("sign-in");
        screens.prepareFor(lastAccount);
        // Connect while the password is typed (on the network threads, like the sign-in itself).
        runtime.api().thenAcceptAsync(api -> api.ping(), runtime.network());
    }

    /** Signed in (or resumed): the window takes the signed-in screen once it is ready. */
    private void openTasks(AuthOutcome.SignedIn user) {
        var staged = screens.screenFor(user);
        if (!staged.isDone()) {
            windows.show(centered("Opening your tasks…"));
        }
        staged.whenComplete((ready, error) -> Platform.runLater(() -> {
            if (error != null) {
                log.error("Cannot open the local store", error);
                windows.show(centered("Your tasks could not be opened: " + error.getMessage()));
                return;
            }
            windows.take(ready.scene());
            current = Optional.of(ready.session());
            ready.session().begin();
            logFirstScreen("tasks");
        }));
    }

    private void openSettings() {
        Optional<URI> server = runtime.settings().server() instanceof ServerChoice.Remote remote
                ? Optional.of(remote.url()) : Optional.empty();
        windows.open(Windows.Secondary.SETTINGS, "Settings", () -> new SettingsController(
                new SettingsViewModel(server, runtime.network(), Platform::runLater, chosen ->
                        runtime.io().execute(() -> runtime.updateSettings(s -> s.withServer(
                                chosen.<ServerChoice>map(ServerChoice.Remote::new).orElse(new ServerChoice.ThisComputer())))))));
    }

    private void changeTheme(Theme theme) {
        windows.useTheme(theme);
        runtime.io().execute(() -> runtime.updateSettings(s -> s.withTheme(theme)));
    }

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

    private void exitOnceConnected() {
        runtime.api().whenComplete((api, error) -> Platform.runLater(() -> {
            if (error != null) {
                log.error("{} is set, and the app did not connect", EXIT_WHEN_READY, error);
            }
            log.info("{} is set: exiting", EXIT_WHEN_READY);
            Platform.exit();
        }));
    }

    private static Parent centered(String text) {
        var label = new Label(text);
        label.getStyleClass().add("title-3");
        return new StackPane(label);
    }

    @Override
    public void stop() {
        current.ifPresent(SignedInSession::close);
        current = Optional.empty();
        if (screens != null) {
            screens.close();
        }
        if (runtime != null) {
            runtime.close();
        }
    }
}
