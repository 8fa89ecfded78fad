package dev.tododesktop.client.ui.signin;

import dev.tododesktop.client.account.AccountService;
import dev.tododesktop.client.account.AuthOutcome;
import dev.tododesktop.contract.FieldError;
import dev.tododesktop.contract.auth.AuthValidator;
import dev.tododesktop.contract.auth.LoginRequest;
import dev.tododesktop.contract.auth.RegisterRequest;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * State of the sign-in / register screen. Plain Java over JavaFX properties, so it is tested
 * without a screen; the controller only binds to it. Work goes to the {@link AccountService};
 * results come back through {@code uiThread}, the only place state changes after a submit.
 */
public final class SignInViewModel {

    public enum Mode { SIGN_IN, REGISTER }

    public static final String PASSWORD_RULES = "At least " + AuthValidator.PASSWORD_MIN_LENGTH
            + " characters. Any characters are fine; very common passwords are refused.";

    private final AccountService accounts;
    private final Executor uiThread;
    private final Consumer<AuthOutcome.SignedIn> onSignedIn;

    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.SIGN_IN);
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper emailError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper passwordError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty passwordRulesVisible = new SimpleBooleanProperty(false);
    private final BooleanBinding canSubmit;
    private final ReadOnlyStringWrapper server = new ReadOnlyStringWrapper("");
    private Runnable changeServer = () -> { };

    public SignInViewModel(AccountService accounts, Executor uiThread, Consumer<AuthOutcome.SignedIn> onSignedIn) {
        this.accounts = Objects.requireNonNull(accounts);
        this.uiThread = Objects.requireNonNull(uiThread);
        this.onSignedIn = Objects.requireNonNull(onSignedIn);
        canSubmit = Bindings.createBooleanBinding(
                () -> !busy.get() && !email.get().isBlank() && !password.get().isEmpty(),
                busy, email, password);
        passwordRulesVisible.bind(mode.isEqualTo(Mode.REGISTER));
        // A field's message is about the value it was given; editing the value retires it.
        name.addListener((obs, was, now) -> nameError.set(""));
        email.addListener((obs, was, now) -> emailError.set(""));
        password.addListener((obs, was, now) -> passwordError.set(""));
        mode.addListener((obs, was, now) -> clearMessages());
    }

    public void toggleMode() {
        if (!busy.get()) {
            mode.set(mode.get() == Mode.SIGN_IN ? Mode.REGISTER : Mode.SIGN_IN);
        }
    }

    /** Says which server this screen signs in to ({@code name}), and how to choose another. */
    public void offerServerChoice(String name, Runnable openServerSettings) {
        server.set(name);
        changeServer = Objects.requireNonNull(openServerSettings);
    }

    public void changeServer() {
        changeServer.run();
    }

    /** Says why this screen is showing (e.g. the session was ended elsewhere); the next submit clears it. */
    public void explain(String why) {
        formError.set(Objects.requireNonNull(why));
    }

    /** Checks what can be checked here, then asks the server. Does nothing while busy. */
    public void submit() {
        if (!canSubmit.get()) {
            return;
        }
        clearMessages();
        if (!checkLocally()) {
            return;
        }
        busy.set(true);
        String trimmedEmail = email.get().strip();
        CompletionStage<AuthOutcome> result = mode.get() == Mode.SIGN_IN
                ? accounts.signIn(trimmedEmail, password.get())
                : accounts.register(name.get().strip(), trimmedEmail, password.get());
        result.whenComplete((outcome, error) -> uiThread.execute(() -> {
            busy.set(false);
            show(error != null ? new AuthOutcome.Failed(describe(error)) : outcome);
        }));
    }

    /** The contract's own rules, so the screen says before submitting what the server would say after. */
    private boolean checkLocally() {
        List<FieldError> errors = mode.get() == Mode.SIGN_IN
                ? AuthValidator.validate(new LoginRequest(email.get(), password.get(), null))
                : AuthValidator.validate(new RegisterRequest(email.get(), password.get(), null, null));
        showFieldProblems(errors.stream().map(e -> new AuthOutcome.FieldProblem(e.field(), e.message())).toList());
        return errors.isEmpty();
    }

    private void show(AuthOutcome outcome) {
        switch (outcome) {
            case AuthOutcome.SignedIn signedIn -> {
                password.set("");
                onSignedIn.accept(signedIn);
            }
            case AuthOutcome.WrongCredentials w -> {
                formError.set("Wrong email or password.");
                password.set("");
            }
            case AuthOutcome.AlreadyRegistered a ->
                    emailError.set("This email is already registered. Sign in instead.");
            case AuthOutcome.InvalidFields invalid -> showFieldProblems(invalid.problems());
            case AuthOutcome.RateLimited limited ->
                    formError.set("Too many attempts. Try again in " + Math.max(1, limited.retryAfter().toSeconds()) + " s.");
            case AuthOutcome.Unreachable unreachable ->
                    formError.set("Can't reach the server. Check your connection and try again. (" + unreachable.detail() + ")");
            case AuthOutcome.Failed failed -> formError.set("Something went wrong: " + failed.detail());
        }
    }

    private void showFieldProblems(List<AuthOutcome.FieldProblem> problems) {
        for (var p : problems) {
            switch (p.field()) {
                case "email" -> emailError.set(p.message());
                case "password", "new_password" -> passwordError.set(p.message());
                case "name" -> nameError.set(p.message());
                default -> formError.set(p.message());
            }
        }
    }

    private void clearMessages() {
        nameError.set("");
        emailError.set("");
        passwordError.set("");
        formError.set("");
    }

    private static String describe(Throwable error) {
        Throwable cause = error.getCause() != null ? error.getCause() : error;
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    public ObjectProperty<Mode> modeProperty() { return mode; }
    public StringProperty nameProperty() { return name; }
    public StringProperty emailProperty() { return email; }
    public StringProperty passwordProperty() { return password; }
    public ReadOnlyStringProperty nameErrorProperty() { return nameError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty emailErrorProperty() { return emailError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty passwordErrorProperty() { return passwordError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty formErrorProperty() { return formError.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public BooleanProperty passwordRulesVisibleProperty() { return passwordRulesVisible; }
    public BooleanBinding canSubmitProperty() { return canSubmit; }
    /** The server signed in to, e.g. "this computer" or "todo.example.com"; empty when not offered. */
    public ReadOnlyStringProperty serverProperty() { return server.getReadOnlyProperty(); }
}
