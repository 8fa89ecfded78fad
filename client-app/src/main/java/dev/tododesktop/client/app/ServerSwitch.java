package dev.tododesktop.client.app;

import dev.tododesktop.client.ui.settings.SettingsViewModel;
import dev.tododesktop.client.ui.shell.SignOutChoice;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switching servers from the settings, without a restart: says first what stays behind (the
 * tasks kept on this computer belong to the server they came from and are not copied; moving
 * them is a later issue), then ends any session keeping its changes, points the runtime at the
 * new server and shows its sign-in screen. Nothing local is deleted: switching back finds it.
 */
final class ServerSwitch implements SettingsViewModel.Servers {

    private static final Logger log = LoggerFactory.getLogger(ServerSwitch.class);

    private final AppRuntime runtime;
    private final TasksScreenFactory screens;
    private final Supplier<Optional<SignedInSession>> current;
    private final Consumer<Optional<String>> showSignIn;

    ServerSwitch(AppRuntime runtime, TasksScreenFactory screens, Supplier<Optional<SignedInSession>> current,
                 Consumer<Optional<String>> showSignIn) {
        this.runtime = runtime;
        this.screens = screens;
        this.current = current;
        this.showSignIn = showSignIn;
    }

    static Optional<URI> inUse(AppSettings settings) {
        return settings.server() instanceof ServerChoice.Remote remote ? Optional.of(remote.url()) : Optional.empty();
    }

    /** Called on the FX thread; the answer is read on io. */
    @Override
    public CompletableFuture<Optional<String>> leftBehind(Optional<URI> target) {
        var session = current.get();
        var lastAccount = runtime.settings().lastAccount();
        String from = SettingsViewModel.describe(inUse(runtime.settings()));
        String to = SettingsViewModel.describe(target);
        String notMoved = " and come back when you switch back; " + to + " will not have them (moving tasks between "
                + "servers is not possible yet).";
        return CompletableFuture.supplyAsync(() -> {
            if (session.isPresent()) {
                int waiting = session.get().store().sync().pendingCount();
                return Optional.of("Switching signs " + session.get().user().email() + " out of " + from + ". Your tasks on "
                        + "this computer stay with " + from
                        + (waiting == 0 ? "" : waiting == 1 ? ", with 1 change not synced yet," : ", with " + waiting
                                + " changes not synced yet,")
                        + notMoved);
            }
            return lastAccount.filter(account -> runtime.hasLocalTasks(account.userId()))
                    .map(account -> "The tasks of " + account.email() + " on this computer belong to " + from
                            + ". They stay here" + notMoved);
        }, runtime.io());
    }

    /** Called on the FX thread. */
    @Override
    public void switchTo(Optional<URI> target) {
        ServerChoice choice = target.<ServerChoice>map(ServerChoice.Remote::new).orElse(new ServerChoice.ThisComputer());
        var session = current.get();
        if (session.isPresent()) {
            // Ends the session keeping its changes, switches on io once its store is closed, then shows sign-in.
            session.get().end(SignOutChoice.KEEP_FOR_LATER, Optional.empty(), () -> runtime.switchServer(choice));
            return;
        }
        screens.dropPrepared()
                .thenRunAsync(() -> runtime.switchServer(choice), runtime.io())
                .whenComplete((done, error) -> Platform.runLater(() -> {
                    if (error != null) {
                        log.error("Switching servers failed", error);
                    }
                    showSignIn.accept(Optional.empty());
                }));
    }
}
