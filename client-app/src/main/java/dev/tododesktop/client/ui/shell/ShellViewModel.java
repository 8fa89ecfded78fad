package dev.tododesktop.client.ui.shell;

import dev.tododesktop.client.sync.SyncStatus;
import dev.tododesktop.client.ui.Theme;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
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
    private final ReadOnlyObjectWrapper<SyncIndicator> indicator = new ReadOnlyObjectWrapper<>(SyncIndicator.starting());
    private final ReadOnlyBooleanWrapper canSyncNow = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper initial = new ReadOnlyStringWrapper("");
    private final IntegerProperty activeCount = new SimpleIntegerProperty(0);
    private final BooleanProperty narrow = new SimpleBooleanProperty(false);
    /** What the person chose with the toggle, for a wide window and for a narrow one. */
    private final BooleanProperty sidebarWhenWide = new SimpleBooleanProperty(true);
    private final BooleanProperty sidebarWhenNarrow = new SimpleBooleanProperty(false);
    private final BooleanBinding sidebarShown = Bindings.when(narrow).then(sidebarWhenNarrow).otherwise(sidebarWhenWide);
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
        initial.set(user.isBlank() ? "?" : user.substring(0, user.offsetByCodePoints(0, 1)).toUpperCase(java.util.Locale.ROOT));
        theme = new ReadOnlyObjectWrapper<>(initialTheme);
    }

    /** What the sync engine last reported. Call on the FX thread. */
    public void showStatus(SyncStatus status) {
        indicator.set(SyncIndicator.of(status, clock, zone));
        canSyncNow.set(status.connectivity() != SyncStatus.Connectivity.SIGNED_OUT
                && status.connectivity() != SyncStatus.Connectivity.SYNCING);
    }

    /** Shows the sidebar if hidden, hides it if shown; a narrow window remembers that apart from a wide one. */
    public void toggleSidebar() {
        var choice = narrow.get() ? sidebarWhenNarrow : sidebarWhenWide;
        choice.set(!choice.get());
    }

    /** Opens what needs the person's decision: conflicts, changes the server refused. */
    public void review() {
        actions.openConflicts();
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
        useTheme(theme.get() == Theme.LIGHT ? Theme.DARK : Theme.LIGHT);
    }

    public void useTheme(Theme chosen) {
        if (chosen != theme.get()) {
            theme.set(chosen);
            actions.changeTheme(chosen);
        }
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
    public ReadOnlyObjectProperty<SyncIndicator> indicatorProperty() { return indicator.getReadOnlyProperty(); }
    /** False while a round runs or after the session ended. */
    public ReadOnlyBooleanProperty canSyncNowProperty() { return canSyncNow.getReadOnlyProperty(); }
    /** The first letter of the account, for its avatar. */
    public ReadOnlyStringProperty initialProperty() { return initial.getReadOnlyProperty(); }
    /** Tasks not done yet, beside the sidebar's entry. */
    public IntegerProperty activeCountProperty() { return activeCount; }
    /** Whether the window is too narrow to give the sidebar room by default; the view says. */
    public BooleanProperty narrowProperty() { return narrow; }
    public BooleanBinding sidebarShownProperty() { return sidebarShown; }
    /** Something the user should know about this session, e.g. that no keychain could keep the login. */
    public StringProperty noticeProperty() { return notice; }
    public ReadOnlyObjectProperty<Theme> themeProperty() { return theme.getReadOnlyProperty(); }
    public ReadOnlyStringProperty busyMessageProperty() { return busyMessage.getReadOnlyProperty(); }
}
