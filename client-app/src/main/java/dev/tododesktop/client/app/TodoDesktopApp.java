package dev.tododesktop.client.app;

import dev.tododesktop.client.account.AuthOutcome;
import dev.tododesktop.client.account.RemoteAccountService;
import dev.tododesktop.client.api.ApiResult;
import dev.tododesktop.client.ui.Theme;
import dev.tododesktop.client.ui.ViewLoader;
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

    @Override
    public void start(Stage stage) {
        runtime = AppRuntime.start(AppDirectories.forCurrentPlatform(), Clock.systemDefaultZone());
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
        var accounts = new RemoteAccountService(runtime::api, runtime.io());
        var model = new SignInViewModel(accounts, Platform::runLater, this::openTasks);
        show(views.load("sign-in.fxml", new SignInController(model)));
    }

    private void openTasks(AuthOutcome.SignedIn user) {
        show(centered("Opening your tasks…"));
        CompletableFuture.supplyAsync(() -> {
            runtime.updateSettings(s -> s.withLastUser(Optional.of(user.userId())));
            return runtime.openStore(user.userId());
        }, runtime.io()).whenComplete((store, error) -> Platform.runLater(() -> {
            if (error != null) {
                log.error("Cannot open the local store", error);
                show(centered("Your tasks could not be opened: " + error.getMessage()));
                return;
            }
            var tasks = new TasksViewModel(store, runtime.io(), Platform::runLater, runtime.clock(),
                    ZoneId.systemDefault(), () -> { });
            show(views.load("tasks.fxml", new TasksController(tasks, new TaskEditorViewModel(tasks))));
            tasks.refresh();
        }));
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
        if (runtime != null) {
            runtime.close();
        }
    }
}
