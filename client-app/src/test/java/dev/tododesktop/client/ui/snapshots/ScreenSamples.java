package dev.tododesktop.client.ui.snapshots;

import dev.tododesktop.client.account.AccountService;
import dev.tododesktop.client.account.AuthOutcome;
import dev.tododesktop.client.ui.ViewLoader;
import dev.tododesktop.client.ui.signin.SignInController;
import dev.tododesktop.client.ui.signin.SignInViewModel;
import java.util.List;
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
                    return loader.load("sign-in.fxml", new SignInController(model));
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
                    return loader.load("sign-in.fxml", new SignInController(model));
                }));
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
