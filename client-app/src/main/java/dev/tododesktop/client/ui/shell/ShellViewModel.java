package dev.tododesktop.client.ui.shell;

import dev.tododesktop.client.ui.Theme;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;

/**
 * The frame around the signed-in screens: who is signed in, the sync status line, the theme,
 * and signing out with a guard for unsynced changes.
 */
public final class ShellViewModel {

    /** The app's side of signing out; runs its own work off the FX thread. */
    public interface SignOut {
        /** True when the local store holds edits the server has not acknowledged. */
        CompletableFuture<Boolean> hasUnsyncedChanges();

        CompletableFuture<Void> signOut(SignOutChoice choice);
    }

    private final ReadOnlyStringWrapper userLabel = new ReadOnlyStringWrapper("");
    private final StringProperty syncStatus = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private final ObjectProperty<Theme> theme;
    private final SignOut signOut;
    private final Function<Boolean, CompletableFuture<SignOutChoice>> askAboutUnsynced;
    private final ReadOnlyStringWrapper busyMessage = new ReadOnlyStringWrapper("");
    private final Executor ui;
    private final Runnable openAccount;
    private final Runnable openSettings;

    /**
     * @param askAboutUnsynced shows the choice to the user (only called when there are unsynced
     *                         changes) and completes with their answer
     */
    public ShellViewModel(String user, Theme initialTheme, Consumer<Theme> onThemeChange, SignOut signOut,
                          Function<Boolean, CompletableFuture<SignOutChoice>> askAboutUnsynced, Executor ui,
                          Runnable openAccount, Runnable openSettings) {
        this.openSettings = Objects.requireNonNull(openSettings);
        this.ui = Objects.requireNonNull(ui);
        this.openAccount = Objects.requireNonNull(openAccount);
        userLabel.set(user);
        theme = new SimpleObjectProperty<>(initialTheme);
        theme.addListener((obs, was, now) -> onThemeChange.accept(now));
        this.signOut = Objects.requireNonNull(signOut);
        this.askAboutUnsynced = Objects.requireNonNull(askAboutUnsynced);
    }

    public void openSettings() {
        openSettings.run();
    }

    public void openAccount() {
        openAccount.run();
    }

    public void toggleTheme() {
        theme.set(theme.get() == Theme.LIGHT ? Theme.DARK : Theme.LIGHT);
    }

    /**
     * Signs out, asking first when something would otherwise be lost. Completes with the choice
     * that was carried out ({@code CANCEL} when the user kept working).
     */
    public CompletableFuture<SignOutChoice> signOut() {
        return signOut.hasUnsyncedChanges()
                .thenComposeAsync(unsynced -> unsynced
                        ? askAboutUnsynced.apply(true)
                        : CompletableFuture.completedFuture(SignOutChoice.KEEP_FOR_LATER), ui)
                .thenComposeAsync(choice -> {
                    if (choice == SignOutChoice.CANCEL) {
                        return CompletableFuture.completedFuture(choice);
                    }
                    busyMessage.set("Signing out…");
                    return signOut.signOut(choice).thenApply(v -> choice);
                }, ui);
    }

    public ReadOnlyStringProperty userLabelProperty() { return userLabel.getReadOnlyProperty(); }
    public StringProperty syncStatusProperty() { return syncStatus; }
    /** Something the user should know about this session, e.g. that no keychain could keep the login. */
    public StringProperty noticeProperty() { return notice; }
    public ObjectProperty<Theme> themeProperty() { return theme; }
    public ReadOnlyStringProperty busyMessageProperty() { return busyMessage.getReadOnlyProperty(); }
}
