package dev.tododesktop.client.ui.shell;

import dev.tododesktop.client.sync.SyncStatus;
import dev.tododesktop.client.ui.Theme;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;

/**
 * The frame around the signed-in screens: who is signed in, how sync stands, the theme, and
 * signing out with a guard for unsynced changes. Plain Java: the app does the work behind
 * {@link Actions}, off the FX thread where it touches disk or network.
 */
public final class ShellViewModel {

    /** What the shell asks the app to do. */
    public interface Actions {
        /** True when the local store holds edits the server has not acknowledged. Off the FX thread. */
        CompletableFuture<Boolean> hasUnsyncedChanges();

        /** Shows the choice about unsynced changes (on the FX thread) and completes with the answer. */
        CompletableFuture<SignOutChoice> askAboutUnsyncedChanges();

        CompletableFuture<Void> signOut(SignOutChoice choice);

        /** A sync round now, whatever the backoff says. */
        void syncNow();

        void openAccount();

        void openSettings();

        void openConflicts();

        void changeTheme(Theme theme);
    }

    private final ReadOnlyStringWrapper userLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper syncStatus = new ReadOnlyStringWrapper("");
    private final StringProperty notice = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Theme> theme;
    private final ReadOnlyStringWrapper busyMessage = new ReadOnlyStringWrapper("");
    private final Actions actions;
    private final Executor ui;
    private final Clock clock;
    private final ZoneId zone;

    /** @param ui runs on the FX thread: where the answers of {@link Actions} come back to */
    public ShellViewModel(String user, Theme initialTheme, Actions actions, Executor ui, Clock clock, ZoneId zone) {
        this.actions = Objects.requireNonNull(actions);
        this.ui = Objects.requireNonNull(ui);
        this.clock = Objects.requireNonNull(clock);
        this.zone = Objects.requireNonNull(zone);
        userLabel.set(user);
        theme = new ReadOnlyObjectWrapper<>(initialTheme);
    }

    /** What the sync engine last reported. Call on the FX thread. */
    public void showStatus(SyncStatus status) {
        syncStatus.set(SyncStatusText.of(status, clock, zone));
    }

    public void syncNow() {
        actions.syncNow();
    }

    public void openSettings() {
        actions.openSettings();
    }

    public void openAccount() {
        actions.openAccount();
    }

    public void openConflicts() {
        actions.openConflicts();
    }

    public void toggleTheme() {
        theme.set(theme.get() == Theme.LIGHT ? Theme.DARK : Theme.LIGHT);
        actions.changeTheme(theme.get());
    }

    /**
     * Signs out, asking first when something would otherwise be lost. Completes with the choice
     * that was carried out ({@code CANCEL} when the user kept working).
     */
    public CompletableFuture<SignOutChoice> signOut() {
        return actions.hasUnsyncedChanges()
                .thenComposeAsync(unsynced -> unsynced
                        ? actions.askAboutUnsyncedChanges()
                        : CompletableFuture.completedFuture(SignOutChoice.KEEP_FOR_LATER), ui)
                .thenComposeAsync(choice -> {
                    if (choice == SignOutChoice.CANCEL) {
                        return CompletableFuture.completedFuture(choice);
                    }
                    busyMessage.set("Signing out…");
                    return actions.signOut(choice).thenApply(v -> choice);
                }, ui);
    }

    public ReadOnlyStringProperty userLabelProperty() { return userLabel.getReadOnlyProperty(); }
    public ReadOnlyStringProperty syncStatusProperty() { return syncStatus.getReadOnlyProperty(); }
    /** Something the user should know about this session, e.g. that no keychain could keep the login. */
    public StringProperty noticeProperty() { return notice; }
    public ReadOnlyObjectProperty<Theme> themeProperty() { return theme.getReadOnlyProperty(); }
    public ReadOnlyStringProperty busyMessageProperty() { return busyMessage.getReadOnlyProperty(); }
}
