package dev.tododesktop.client.app;

import dev.tododesktop.client.account.AuthOutcome;
import dev.tododesktop.client.api.ApiResult;
import dev.tododesktop.client.keychain.KeychainStatus;
import dev.tododesktop.client.sync.SyncEngine;
import dev.tododesktop.client.sync.SyncStatus;
import dev.tododesktop.client.ui.Theme;
import dev.tododesktop.client.ui.account.AccountController;
import dev.tododesktop.client.ui.account.AccountViewModel;
import dev.tododesktop.client.ui.conflicts.ConflictsController;
import dev.tododesktop.client.ui.conflicts.ConflictsViewModel;
import dev.tododesktop.client.ui.shell.ShellViewModel;
import dev.tododesktop.client.ui.shell.SignOutChoice;
import dev.tododesktop.client.ui.shell.UnsyncedChangesDialog;
import dev.tododesktop.client.ui.tasks.TasksViewModel;
import dev.tododesktop.store.session.UnsyncedChanges;
import dev.tododesktop.store.session.UserStore;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One person's time signed in: their store and sync engine, what the screen hears from sync,
 * the windows that belong to the account, and how it ends (signing out, the server ending it,
 * or the app closing). Its methods run on the FX thread; store and network work goes to io.
 */
final class SignedInSession implements ShellViewModel.Actions {

    private static final Logger log = LoggerFactory.getLogger(SignedInSession.class);

    /** Shown on the sign-in screen when the server ended the session (revoked on another device, or expired). */
    static final String SESSION_ENDED = "You were signed out: this session was ended from another device, or it expired. "
            + "Changes not synced yet are kept on this computer; sign in to sync them.";

    /** What the session needs from the app around it. */
    record Surroundings(AppRuntime runtime, Windows windows, Consumer<Theme> changeTheme, Runnable openSettings,
                        Consumer<Optional<String>> showSignIn) {}

    private final AuthOutcome.SignedIn user;
    private final UserStore store;
    private final SyncEngine sync;
    private final Surroundings around;
    private TasksViewModel tasks;
    private ShellViewModel shell;
    /** FX thread: shown and not yet ended. Events the sync threads post after the end are dropped. */
    private boolean live;
    /** FX thread: a status came from the engine's listener, newer than any read made when the screen showed. */
    private boolean heardFromSync;

    SignedInSession(AuthOutcome.SignedIn user, UserStore store, SyncEngine sync, Surroundings around) {
        this.user = user;
        this.store = store;
        this.sync = sync;
        this.around = around;
    }

    AuthOutcome.SignedIn user() {
        return user;
    }

    SyncEngine sync() {
        return sync;
    }

    UserStore store() {
        return store;
    }

    /** The screen's models, made while the screen is built. */
    void attach(TasksViewModel tasksModel, ShellViewModel shellModel) {
        this.tasks = tasksModel;
        this.shell = shellModel;
    }

    /** The screen is showing: hear from sync, start it, and remember who signed in. */
    void begin() {
        live = true;
        var runtime = around.runtime();
        runtime.io().execute(() -> runtime.updateSettings(s -> s.withLastUser(Optional.of(user.userId()))
                .withLastAccount(Optional.of(KnownAccount.of(user)))));
        sync.addRemoteChangeListener(() -> Platform.runLater(() -> {
            if (live) {
                tasks.refresh();
            }
        }));
        sync.addStatusListener(status -> Platform.runLater(() -> onStatus(status)));
        // The first status reads three counts from the store: on io, like every store read. The
        // engine's own reports start with its first round and win over it, whichever lands first.
        runtime.io().execute(() -> {
            var first = sync.status();
            Platform.runLater(() -> {
                if (!heardFromSync) {
                    shell.showStatus(first);
                }
            });
        });
        runtime.api().thenAccept(api -> {
            if (api.keychainStatus() instanceof KeychainStatus.SessionOnly sessionOnly) {
                log.warn("No OS keychain: the login is kept for this run only ({})", sessionOnly.reason());
                Platform.runLater(() -> shell.noticeProperty().set("No keychain here: you will sign in again next time"));
            }
        });
        sync.start();
    }

    private void onStatus(SyncStatus status) {
        heardFromSync = true;
        shell.showStatus(status); // while signing out too: "sync now" shows its progress
        if (!live) {
            return;
        }
        if (status.openConflicts() != tasks.openConflictsProperty().get()) {
            tasks.refresh(); // the list's conflicts button; changed tasks come through the remote-change listener
        }
        if (status.connectivity() == SyncStatus.Connectivity.SIGNED_OUT) {
            // Revoked elsewhere, or the refresh token expired: keep the unsynced work, ask for a sign-in.
            end(SignOutChoice.KEEP_FOR_LATER, Optional.of(SESSION_ENDED), () -> { });
        }
    }

    // --- the shell's actions ----------------------------------------------------------

    @Override
    public CompletableFuture<Boolean> hasUnsyncedChanges() {
        return CompletableFuture.supplyAsync(store::hasUnsyncedChanges, around.runtime().io());
    }

    @Override
    public CompletableFuture<SignOutChoice> askAboutUnsyncedChanges() {
        return UnsyncedChangesDialog.ask(around.windows().owner());
    }

    @Override
    public CompletableFuture<Void> signOut(SignOutChoice choice) {
        return end(choice, Optional.empty(), () -> { });
    }

    @Override
    public void syncNow() {
        sync.syncNow();
    }

    @Override
    public void openSettings() {
        around.openSettings().run();
    }

    @Override
    public void changeTheme(Theme theme) {
        around.changeTheme().accept(theme);
    }

    @Override
    public void openAccount() {
        var runtime = around.runtime();
        var api = runtime.api().getNow(null);
        if (api == null) {
            return;
        }
        around.windows().open(Windows.Secondary.ACCOUNT, "Account — " + user.email(), () -> new AccountController(
                new AccountViewModel(api, user.email(), runtime.network(), Platform::runLater,
                        () -> end(SignOutChoice.KEEP_FOR_LATER, Optional.empty(), () -> { }),
                        // Forgotten before the sign-in screen shows, so that screen neither offers nor prepares this account.
                        () -> end(SignOutChoice.DISCARD, Optional.empty(), () -> runtime.forgetDevice(user.userId())))));
    }

    @Override
    public void openConflicts() {
        var runtime = around.runtime();
        // Sync may settle or find conflicts while the window is open: it shows them as they are.
        var reload = new java.util.concurrent.atomic.AtomicReference<javafx.beans.value.ChangeListener<Number>>();
        var window = around.windows().open(Windows.Secondary.CONFLICTS, "Conflicts", () -> {
            var model = new ConflictsViewModel(store, runtime.io(), Platform::runLater, ZoneId.systemDefault(), () -> {
                tasks.refresh();
                // Keeping mine queued an edit: push it now (and let the status count it), as after any edit.
                sync.requestSync();
            });
            reload.set((obs, was, now) -> model.load());
            tasks.openConflictsProperty().addListener(reload.get());
            return new ConflictsController(model);
        });
        if (reload.get() != null) { // a new window, not the open one brought to the front
            var listener = reload.get();
            window.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN,
                    e -> tasks.openConflictsProperty().removeListener(listener));
        }
    }

    // --- ending -----------------------------------------------------------------------

    /**
     * Ends the session: ends it on the server, closes the store as chosen, forgets the login,
     * then shows the sign-in screen saying {@code why}. Does nothing once ended.
     *
     * @param afterClosing runs on io once the store is closed, before the sign-in screen shows
     */
    CompletableFuture<Void> end(SignOutChoice choice, Optional<String> why, Runnable afterClosing) {
        if (!live) {
            return CompletableFuture.completedFuture(null);
        }
        live = false;
        around.windows().closeSecondaries();
        var runtime = around.runtime();
        CompletableFuture<?> lastSync = choice == SignOutChoice.SYNC_NOW
                ? sync.syncNow().completeOnTimeout(null, 15, TimeUnit.SECONDS)
                : CompletableFuture.completedFuture(null);
        return lastSync.exceptionally(e -> null).thenCombine(runtime.api(), (ignored, api) -> api).thenAcceptAsync(api -> {
            sync.close();
            var result = api.logout();
            if (!(result instanceof ApiResult.Ok<?>)) {
                log.info("Server-side logout did not complete ({}); local sign-out goes ahead", result);
            }
        }, runtime.network()).thenRunAsync(() -> {
            runtime.closeStore(choice == SignOutChoice.DISCARD ? UnsyncedChanges.DISCARD : UnsyncedChanges.KEEP);
            runtime.updateSettings(s -> s.withLastUser(Optional.empty()));
            afterClosing.run();
        }, runtime.io()).whenComplete((v, error) -> Platform.runLater(() -> {
            if (error != null) {
                log.error("Sign-out failed", error);
            }
            around.showSignIn().accept(why);
        }));
    }

    /** The app is closing: stop syncing; the store closes with the runtime, keeping everything. */
    void close() {
        live = false;
        sync.close();
    }
}
