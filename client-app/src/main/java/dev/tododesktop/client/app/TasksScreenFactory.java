package dev.tododesktop.client.app;

import dev.tododesktop.client.account.AuthOutcome;
import dev.tododesktop.client.sync.SyncEngine;
import dev.tododesktop.client.ui.FxmlFile;
import dev.tododesktop.client.ui.ViewLoader;
import dev.tododesktop.client.ui.shell.ShellController;
import dev.tododesktop.client.ui.shell.ShellViewModel;
import dev.tododesktop.client.ui.tasks.TaskEditorViewModel;
import dev.tododesktop.client.ui.tasks.TasksController;
import dev.tododesktop.client.ui.tasks.TasksViewModel;
import dev.tododesktop.store.session.UnsyncedChanges;
import dev.tododesktop.store.session.UserStore;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the signed-in screen (the shell around the tasks) without holding the FX thread: io
 * opens the store and reads the list while another thread loads the views, then the FX thread
 * lays it out, in turns, in a scene of its own that the window takes at once. The last account's
 * screen can be got ready ahead while its password is typed; it is used only if the server then
 * names that very account.
 */
final class TasksScreenFactory {

    private static final Logger log = LoggerFactory.getLogger(TasksScreenFactory.class);

    /** A signed-in screen laid out in its own scene, for the window to take. */
    record Staged(SignedInSession session, Scene scene) {}

    private record Opened(SignedInSession session, TasksViewModel tasks, CompletableFuture<Void> firstRows) {}

    /** Built off the FX thread; its models post to the FX thread through {@code gate}. */
    private record Built(SignedInSession session, TasksViewModel tasks, Parent root, ScreenGate gate,
                         CompletableFuture<Void> firstRows, Runnable prepareRows) {}

    private record Prepared(KnownAccount account, CompletableFuture<Staged> staged) {}

    /** Thrown inside a preparation when this computer holds no tasks for the account: nothing to get ready. */
    private static final class NothingToPrepare extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NothingToPrepare() {
            super("no local tasks for the last account", null, false, false);
        }
    }

    private final ViewLoader views;
    private final SignedInSession.Surroundings around;
    /** Loads views off the FX thread while io reads what they will show. */
    private final Executor viewBuilder = task -> Thread.ofPlatform().name("view-builder").daemon().start(task);
    private Optional<Prepared> prepared = Optional.empty();

    TasksScreenFactory(ViewLoader views, SignedInSession.Surroundings around) {
        this.views = views;
        this.around = around;
    }

    private AppRuntime runtime() {
        return around.runtime();
    }

    /** Gets the last account's screen ready in the background, if this computer holds its tasks. FX thread. */
    void prepareFor(Optional<KnownAccount> account) {
        if (prepared.isPresent() || account.isEmpty()) {
            return;
        }
        var user = new AuthOutcome.SignedIn(account.get().userId(), account.get().email(), null);
        var staged = buildAndStage(user, () -> runtime().openExistingStore(user.userId()).orElseThrow(NothingToPrepare::new));
        staged.whenComplete((ready, error) -> {
            if (error != null && !(error.getCause() instanceof NothingToPrepare)) {
                log.warn("Could not get the last account's tasks ready ahead; they open after sign-in instead", error);
            }
        });
        prepared = Optional.of(new Prepared(account.get(), staged));
    }

    /** The screen for {@code user}: the one prepared ahead when it is theirs, else a new one. FX thread. */
    CompletableFuture<Staged> screenFor(AuthOutcome.SignedIn user) {
        var ahead = prepared.filter(p -> p.account().is(user));
        var other = prepared.filter(p -> !p.account().is(user));
        prepared = Optional.empty();
        return ahead
                .map(p -> p.staged().exceptionallyCompose(error -> buildAndStage(user, () -> runtime().openStore(user.userId()))))
                .orElseGet(() -> other.map(this::discard).orElse(CompletableFuture.completedFuture(null))
                        .thenCompose(discarded -> buildAndStage(user, () -> runtime().openStore(user.userId()))));
    }

    /** The app is closing: a screen got ready ahead stops syncing (it never started, but its engine holds a thread). */
    void close() {
        prepared.map(Prepared::staged).filter(f -> f.isDone() && !f.isCompletedExceptionally())
                .ifPresent(f -> f.join().session().close());
        prepared = Optional.empty();
    }

    /** Waits for a preparation for someone else, then closes what it opened; their tasks were never shown. */
    private CompletableFuture<Void> discard(Prepared other) {
        return other.staged().handle((ready, error) -> ready).thenAcceptAsync(ready -> {
            if (ready != null) {
                ready.session().sync().close();
                runtime().closeStore(UnsyncedChanges.KEEP);
            }
        }, runtime().io());
    }

    private CompletableFuture<Staged> buildAndStage(AuthOutcome.SignedIn user, Supplier<UserStore> openStore) {
        return build(user, openStore).thenComposeAsync(this::stage, Platform::runLater);
    }

    /** The store opens on io, then io reads the list while another thread loads the views. */
    private CompletableFuture<Built> build(AuthOutcome.SignedIn user, Supplier<UserStore> openStore) {
        var gate = new ScreenGate();
        var runtime = runtime();
        return CompletableFuture.supplyAsync(() -> {
            var store = openStore.get();
            var api = runtime.api().join();
            var session = new SignedInSession(user, store, new SyncEngine(store, api, user.userId(), runtime.clock()), around);
            var tasks = new TasksViewModel(store, runtime.io(), gate, runtime.clock(),
                    ZoneId.systemDefault(), session.sync()::requestSync);
            return new Opened(session, tasks, tasks.refresh());
        }, runtime.io()).thenApplyAsync(opened -> {
            var session = opened.session();
            var tasks = opened.tasks();
            var tasksController = new TasksController(tasks, new TaskEditorViewModel(tasks), session::openConflicts);
            var tasksView = views.load(FxmlFile.TASKS, tasksController);
            var shell = new ShellViewModel(user.email(), around.windows().theme(), session, Platform::runLater,
                    runtime.clock(), ZoneId.systemDefault());
            session.attach(tasks, shell);
            var root = views.load(FxmlFile.SHELL, new ShellController(shell, tasksView));
            return new Built(session, tasks, root, gate, opened.firstRows(), tasksController::prepareRows);
        }, viewBuilder);
    }

    /**
     * On the FX thread, in turns so none holds it long: styles and lays out the screen in a scene
     * of its own, then lets the rows in and lays out the list's cells (or, with no rows yet, has
     * the list build the cells the first sync will fill).
     */
    private CompletableFuture<Staged> stage(Built screen) {
        var scene = around.windows().sceneLikeMain(screen.root());
        layOut(scene);
        var ready = new CompletableFuture<Staged>();
        Platform.runLater(() -> {
            try {
                screen.gate().open();
            } catch (RuntimeException e) {
                ready.completeExceptionally(e);
                return;
            }
            screen.firstRows().thenRun(() -> {
                layOut(scene);
                if (screen.tasks().tasks().isEmpty()) {
                    // A new device: its tasks come with the first sync; a third turn builds the rows they will fill.
                    Platform.runLater(() -> {
                        screen.prepareRows().run();
                        ready.complete(new Staged(screen.session(), scene));
                    });
                } else {
                    ready.complete(new Staged(screen.session(), scene));
                }
            }).exceptionally(error -> {
                ready.completeExceptionally(error);
                return null;
            });
        });
        return ready;
    }

    private static void layOut(Scene offWindow) {
        var root = offWindow.getRoot();
        root.resize(offWindow.getWidth(), offWindow.getHeight());
        root.applyCss();
        root.layout();
    }
}
