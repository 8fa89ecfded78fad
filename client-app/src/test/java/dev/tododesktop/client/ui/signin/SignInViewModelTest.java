package dev.tododesktop.client.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.client.account.AuthOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SignInViewModelTest {

    ScriptedAccounts accounts;
    List<AuthOutcome.SignedIn> signedIn;
    SignInViewModel model;

    @BeforeEach
    void setUp() {
        accounts = new ScriptedAccounts();
        signedIn = new ArrayList<>();
        model = new SignInViewModel(accounts, Runnable::run, signedIn::add);
    }

    @Test
    void submitIsOfferedOnlyWithAnEmailAndAPassword() {
        assertThat(model.canSubmitProperty().get()).isFalse();
        model.emailProperty().set("ada@example.com");
        assertThat(model.canSubmitProperty().get()).isFalse();
        model.passwordProperty().set("x");
        assertThat(model.canSubmitProperty().get()).isTrue();
    }

    @Test
    void signingInIsBusyUntilTheAnswerAndThenHandsOverTheUser() {
        model.emailProperty().set("  ada@example.com ");
        model.passwordProperty().set("correct horse");
        model.submit();

        assertThat(model.busyProperty().get()).isTrue();
        assertThat(model.canSubmitProperty().get()).isFalse();
        assertThat(accounts.last().email()).isEqualTo("ada@example.com");

        model.submit();
        assertThat(accounts.calls).hasSize(1);

        var user = new AuthOutcome.SignedIn(UUID.randomUUID(), "ada@example.com", "Ada");
        accounts.last().answer().complete(user);
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(signedIn).containsExactly(user);
        assertThat(model.passwordProperty().get()).isEmpty();
    }

    @Test
    void wrongCredentialsStayOnTheScreenWithAMessageAndAnEmptyPassword() {
        model.emailProperty().set("ada@example.com");
        model.passwordProperty().set("wrong password");
        model.submit();
        accounts.last().answer().complete(new AuthOutcome.WrongCredentials());

        assertThat(model.formErrorProperty().get()).isEqualTo("Wrong email or password.");
        assertThat(model.passwordProperty().get()).isEmpty();
        assertThat(model.emailProperty().get()).isEqualTo("ada@example.com");
        assertThat(signedIn).isEmpty();
    }

    @Test
    void rateLimitingSaysWhenToTryAgain() {
        model.emailProperty().set("ada@example.com");
        model.passwordProperty().set("whatever1");
        model.submit();
        accounts.last().answer().complete(new AuthOutcome.RateLimited(Duration.ofSeconds(42)));
        assertThat(model.formErrorProperty().get()).isEqualTo("Too many attempts. Try again in 42 s.");
    }

    @Test
    void anUnreachableServerIsExplainedAndAFailedFutureIsNotACrash() {
        model.emailProperty().set("ada@example.com");
        model.passwordProperty().set("whatever1");
        model.submit();
        accounts.last().answer().complete(new AuthOutcome.Unreachable("connection refused"));
        assertThat(model.formErrorProperty().get()).startsWith("Can't reach the server.").contains("connection refused");

        model.submit();
        accounts.last().answer().completeExceptionally(new IllegalStateException("boom"));
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.formErrorProperty().get()).contains("boom");
    }

    @Test
    void registrationChecksThePasswordLengthBeforeAskingTheServer() {
        model.toggleMode();
        assertThat(model.passwordRulesVisibleProperty().get()).isTrue();
        model.emailProperty().set("ada@example.com");
        model.passwordProperty().set("short");
        model.submit();

        assertThat(accounts.calls).isEmpty();
        assertThat(model.passwordErrorProperty().get()).isEqualTo("Password must be at least 8 characters.");

        model.passwordProperty().set("long enough");
        assertThat(model.passwordErrorProperty().get()).as("editing retires the message").isEmpty();
        model.nameProperty().set(" Ada ");
        model.submit();
        assertThat(accounts.last().kind()).isEqualTo("register");
        assertThat(accounts.last().name()).isEqualTo("Ada");
    }

    @Test
    void serverFieldErrorsLandNextToTheirFields() {
        model.toggleMode();
        model.emailProperty().set("ada@example.com");
        model.passwordProperty().set("password1");
        model.submit();
        accounts.last().answer().complete(new AuthOutcome.InvalidFields(List.of(
                new AuthOutcome.FieldProblem("password", "This password is too common."),
                new AuthOutcome.FieldProblem("email", "That address is too long."))));

        assertThat(model.passwordErrorProperty().get()).isEqualTo("This password is too common.");
        assertThat(model.emailErrorProperty().get()).isEqualTo("That address is too long.");
    }

    @Test
    void anAlreadyRegisteredEmailPointsToSignIn() {
        model.toggleMode();
        model.emailProperty().set("ada@example.com");
        model.passwordProperty().set("long enough");
        model.submit();
        accounts.last().answer().complete(new AuthOutcome.AlreadyRegistered());
        assertThat(model.emailErrorProperty().get()).contains("already registered");
    }

    @Test
    void aMalformedEmailIsCaughtBeforeTheServerWhenRegistering() {
        model.toggleMode();
        model.emailProperty().set("not-an-email");
        model.passwordProperty().set("whatever1");
        model.submit();
        assertThat(accounts.calls).isEmpty();
        assertThat(model.emailErrorProperty().get()).isNotEmpty();
    }
}
