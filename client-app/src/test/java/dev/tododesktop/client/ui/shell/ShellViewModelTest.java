package dev.tododesktop.client.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.client.ui.Theme;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The shell's model without a screen: the sign-out guard and what it asks the app to do. */
class ShellViewModelTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    /** Records what the shell asked for; answers as told. */
    static final class RecordingActions implements ShellViewModel.Actions {
        final List<String> calls = new ArrayList<>();
        boolean unsynced;
        SignOutChoice answer = SignOutChoice.KEEP_FOR_LATER;

        @Override public CompletableFuture<Boolean> hasUnsyncedChanges() { return CompletableFuture.completedFuture(unsynced); }
        @Override public CompletableFuture<SignOutChoice> askAboutUnsyncedChanges() {
            calls.add("ask");
            return CompletableFuture.completedFuture(answer);
        }
        @Override public CompletableFuture<Void> signOut(SignOutChoice choice) {
            calls.add("signOut " + choice);
            return CompletableFuture.completedFuture(null);
        }
        @Override public void syncNow() { calls.add("syncNow"); }
        @Override public void openAccount() { calls.add("account"); }
        @Override public void openSettings() { calls.add("settings"); }
        @Override public void openConflicts() { calls.add("conflicts"); }
        @Override public void changeTheme(Theme theme) { calls.add("theme " + theme); }
    }

    final RecordingActions actions = new RecordingActions();
    final ShellViewModel model = new ShellViewModel("ada@example.com", Theme.LIGHT, actions, Runnable::run, CLOCK, ZoneOffset.UTC);

    @Test
    void nothingUnsyncedSignsOutWithoutAsking() {
        assertThat(model.signOut().join()).isEqualTo(SignOutChoice.KEEP_FOR_LATER);
        assertThat(actions.calls).containsExactly("signOut KEEP_FOR_LATER");
        assertThat(model.busyMessageProperty().get()).isEqualTo("Signing out…");
    }

    @Test
    void unsyncedChangesAreAskedAboutAndCancelKeepsTheSession() {
        actions.unsynced = true;
        actions.answer = SignOutChoice.CANCEL;
        assertThat(model.signOut().join()).isEqualTo(SignOutChoice.CANCEL);
        assertThat(actions.calls).containsExactly("ask");
        assertThat(model.busyMessageProperty().get()).isEmpty();

        actions.answer = SignOutChoice.DISCARD;
        assertThat(model.signOut().join()).isEqualTo(SignOutChoice.DISCARD);
        assertThat(actions.calls).containsExactly("ask", "ask", "signOut DISCARD");
    }

    @Test
    void theThemeTogglesAndTheAppIsTold() {
        model.toggleTheme();
        assertThat(model.themeProperty().get()).isEqualTo(Theme.DARK);
        model.toggleTheme();
        assertThat(actions.calls).containsExactly("theme DARK", "theme LIGHT");
    }
}
