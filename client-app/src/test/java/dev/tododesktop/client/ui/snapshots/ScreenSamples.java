package dev.tododesktop.client.ui.snapshots;

import dev.tododesktop.client.account.AccountService;
import dev.tododesktop.client.account.AuthOutcome;
import dev.tododesktop.client.ui.ViewLoader;
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
                    return loader.load(dev.tododesktop.client.ui.FxmlFile.SIGN_IN, new SignInController(model));
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
                    return loader.load(dev.tododesktop.client.ui.FxmlFile.SIGN_IN, new SignInController(model));
                }),
                new Sample("tasks", 960, 620, () -> {
                    var model = new TasksViewModel(sampleStore(), Runnable::run, Runnable::run, SAMPLE_CLOCK, ZoneOffset.UTC, () -> { });
                    var editor = new TaskEditorViewModel(model);
                    var view = loader.load(dev.tododesktop.client.ui.FxmlFile.TASKS, new TasksController(model, editor, () -> { }));
                    model.refresh().join();
                    model.tasks().stream().filter(t -> t.title().startsWith("Renew")).findFirst()
                            .ifPresent(t -> editor.show(Optional.of(t)));
                    return view;
                }));
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
