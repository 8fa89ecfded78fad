package dev.tododesktop.client.ui.snapshots;

import dev.tododesktop.client.account.AccountService;
import dev.tododesktop.client.account.AuthOutcome;
import dev.tododesktop.client.sync.SyncStatus;
import dev.tododesktop.client.sync.SyncStatus.Connectivity;
import dev.tododesktop.client.ui.FxmlFile;
import dev.tododesktop.client.ui.Theme;
import dev.tododesktop.client.ui.ViewLoader;
import dev.tododesktop.client.ui.shell.ShellController;
import dev.tododesktop.client.ui.shell.ShellViewModel;
import dev.tododesktop.client.ui.shell.SignOutChoice;
import dev.tododesktop.client.ui.signin.SignInController;
import dev.tododesktop.client.ui.signin.SignInViewModel;
import dev.tododesktop.client.ui.tasks.TaskEditorViewModel;
import dev.tododesktop.client.ui.tasks.TasksController;
import dev.tododesktop.client.ui.tasks.TasksViewModel;
import dev.tododesktop.store.session.UserStore;
import dev.tododesktop.store.tasks.Priority;
import dev.tododesktop.store.tasks.TaskEdit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import javafx.scene.Parent;

/** Every screen in a representative state, for snapshots and the tests that check them. */
final class ScreenSamples {

    record Sample(String name, int width, int height, Supplier<Parent> view) {}

    private ScreenSamples() {}

    static List<Sample> all() {
        var loader = new ViewLoader();
        return List.of(
                new Sample("sign-in", 520, 560, () -> {
                    var model = new SignInViewModel(answering(new AuthOutcome.WrongCredentials()), Runnable::run, u -> { });
                    model.emailProperty().set("ada@example.com");
                    model.passwordProperty().set("not my password");
                    model.submit();
                    return loader.load(FxmlFile.SIGN_IN, new SignInController(model));
                }),
                new Sample("register", 520, 640, () -> {
                    var model = new SignInViewModel(answering(new AuthOutcome.InvalidFields(List.of(
                            new AuthOutcome.FieldProblem("password", "This password is too common; choose another.")))),
                            Runnable::run, u -> { });
                    model.toggleMode();
                    model.nameProperty().set("Ada Lovelace");
                    model.emailProperty().set("ada@example.com");
                    model.passwordProperty().set("password1");
                    model.submit();
                    return loader.load(FxmlFile.SIGN_IN, new SignInController(model));
                }),
                // Whole windows at the app's default size, header included: how a person first meets them.
                new Sample("window-online", 1100, 720, () -> window(loader, new SyncStatus(Connectivity.ONLINE, 0,
                        Optional.of(SAMPLE_CLOCK.instant().minusSeconds(40)), 0, 0, Optional.empty()), true)),
                new Sample("window-offline", 1100, 720, () -> window(loader, new SyncStatus(Connectivity.OFFLINE, 3,
                        Optional.of(SAMPLE_CLOCK.instant().minusSeconds(600)), 1, 0,
                        Optional.of("offline: could not reach the server (ConnectException)")), false)),
                new Sample("window-800x600", 800, 600, () -> window(loader, new SyncStatus(Connectivity.OFFLINE, 3,
                        Optional.of(SAMPLE_CLOCK.instant().minusSeconds(600)), 0, 0, Optional.empty()), true)),
                new Sample("account", 560, 600, () -> SampleAccount.view(loader)));

    }

    /** The signed-in window: the shell around the tasks, sync as {@code status}, the detail pane open or not. */
    private static Parent window(ViewLoader loader, SyncStatus status, boolean detailOpen) {
        var model = new TasksViewModel(sampleStore(), Runnable::run, Runnable::run, SAMPLE_CLOCK, ZoneOffset.UTC, () -> { });
        var editor = new TaskEditorViewModel(model);
        var tasks = loader.load(FxmlFile.TASKS, new TasksController(model, editor, () -> { }));
        model.refresh().join();
        if (detailOpen) {
            model.tasks().stream().filter(t -> t.title().startsWith("Renew")).findFirst()
                    .ifPresent(t -> editor.show(Optional.of(t)));
        }
        var shell = new ShellViewModel("ada@example.com", Theme.LIGHT, new NothingToDo(), Runnable::run, SAMPLE_CLOCK,
                ZoneOffset.UTC);
        shell.activeCountProperty().set(model.countsProperty().get().active());
        shell.showStatus(status);
        return loader.load(FxmlFile.SHELL, new ShellController(shell, tasks));
    }

    /** The shell's actions, for a picture: none is taken. */
    private static final class NothingToDo implements ShellViewModel.Actions {
        @Override public CompletableFuture<Boolean> hasUnsyncedChanges() { return CompletableFuture.completedFuture(false); }
        @Override public CompletableFuture<SignOutChoice> askAboutUnsyncedChanges() {
            return CompletableFuture.completedFuture(SignOutChoice.CANCEL);
        }
        @Override public CompletableFuture<Void> signOut(SignOutChoice choice) { return CompletableFuture.completedFuture(null); }
        @Override public void syncNow() { }
        @Override public void openAccount() { }
        @Override public void openSettings() { }
        @Override public void openConflicts() { }
        @Override public void changeTheme(Theme theme) { }
    }

    static final Clock SAMPLE_CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);

    /** A throw-away store with a week's worth of tasks; the file is deleted when the JVM exits. */
    private static UserStore sampleStore() {
        try {
            Path file = Files.createTempFile("todo-sample", ".db");
            Files.delete(file);
            file.toFile().deleteOnExit();
            var store = UserStore.open(file, SAMPLE_CLOCK);
            var edits = store.edits();
            var now = SAMPLE_CLOCK.instant();
            edits.create(TaskEdit.none().title("Renew passport").description("Photos first; the form is on the desk.")
                    .priority(Priority.HIGH).tags(List.of("admin")).dueAt(now.minus(Duration.ofDays(2))));
            edits.create(TaskEdit.none().title("Call the plumber about the leak").priority(Priority.MEDIUM)
                    .tags(List.of("home")).dueAt(now.plus(Duration.ofHours(5))));
            edits.create(TaskEdit.none().title("Buy oat milk").tags(List.of("errands")));
            var done = edits.create(TaskEdit.none().title("Book train to Lyon").tags(List.of("travel")));
            edits.setCompleted(done.id(), true);
            edits.create(TaskEdit.none().title("Draft the quarterly report").priority(Priority.LOW)
                    .tags(List.of("work")).dueAt(now.plus(Duration.ofDays(6))));
            return store;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static AccountService answering(AuthOutcome outcome) {
        return new AccountService() {
            @Override
            public CompletionStage<AuthOutcome> signIn(String email, String password) {
                return CompletableFuture.completedFuture(outcome);
            }

            @Override
            public CompletionStage<AuthOutcome> register(String name, String email, String password) {
                return CompletableFuture.completedFuture(outcome);
            }
        };
    }
}
