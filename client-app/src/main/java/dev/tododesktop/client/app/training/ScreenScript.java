package dev.tododesktop.client.app.training;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.stage.Window;

/**
 * Drives the running app's windows from another thread by looking nodes up by id, the way a
 * person would click and type. It serves the start-up training run (and the desktop benchmark),
 * not tests: those use TestFX.
 *
 * <p>Each wait is for a condition on the screen, and gives up when the app has stopped getting
 * there rather than after a fixed time: when what the wait watches has not changed for
 * {@code quiet} while the FX thread kept answering. A slow machine that is still working (rows
 * still arriving, the FX thread too busy to answer) keeps the wait going; an app that settled
 * in the wrong state fails it, saying what it settled on. {@code patience} only bounds an app
 * that is wedged altogether.
 */
public final class ScreenScript {

    /** An FX round trip slower than this means the machine or the app is busy, which is progress, not quiet. */
    private static final Duration BUSY = Duration.ofMillis(500);

    private final Duration quiet;
    private final Duration patience;

    public ScreenScript(Duration quiet, Duration patience) {
        this.quiet = quiet;
        this.patience = patience;
    }

    public ScreenScript(Duration patience) {
        this(patience, patience);
    }

    /** Waits until the app has started JavaFX, which happens on another thread. */
    public void awaitToolkit() {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                Platform.runLater(() -> { });
                return;
            } catch (IllegalStateException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("JavaFX did not start within " + patience, notYet);
                }
                pause(10);
            }
        }
    }

    /** Runs {@code action} on the FX thread and waits for its result. */
    public <T> T onFx(java.util.function.Supplier<T> action) {
        var result = new CompletableFuture<T>();
        Platform.runLater(() -> {
            try {
                result.complete(action.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the FX thread did not answer within " + patience, e);
        }
    }

    public void run(Runnable action) {
        onFx(() -> {
            action.run();
            return null;
        });
    }

    /** Waits until a showing window holds a node matching {@code selector} that passes {@code test}. */
    public <T extends Node> T await(String selector, Class<T> type, Predicate<T> test) {
        var found = new java.util.concurrent.atomic.AtomicReference<T>();
        // While it waits, what can change is which screens are showing (and what they hold).
        awaitTrue(selector + " on screen", () -> {
            find(selector, type).filter(test).ifPresent(found::set);
            return found.get() != null;
        }, ScreenScript::showing);
        return found.get();
    }

    public <T extends Node> T await(String selector, Class<T> type) {
        return await(selector, type, node -> true);
    }

    /** Waits until {@code value} of the FX state is true, watching {@code state} for progress towards it. */
    public void awaitTrue(String what, java.util.function.BooleanSupplier value, java.util.function.Supplier<?> state) {
        record Sample(boolean done, Object state) {}
        long start = System.nanoTime();
        long lastChange = start;
        Object last = null;
        while (true) {
            long asked = System.nanoTime();
            Sample sample = onFx(() -> new Sample(value.getAsBoolean(), state.get()));
            long now = System.nanoTime();
            if (sample.done()) {
                return;
            }
            if (!java.util.Objects.equals(sample.state(), last) || now - asked > BUSY.toNanos()) {
                last = sample.state();
                lastChange = now;
            } else if (now - lastChange > quiet.toNanos()) {
                throw new IllegalStateException(what + " did not happen: the app settled at " + sample.state()
                        + " (unchanged for " + quiet.toSeconds() + " s)");
            }
            if (now - start > patience.toNanos()) {
                throw new IllegalStateException(what + " did not happen within " + patience + "; last seen " + sample.state());
            }
            pause(20);
        }
    }

    /** Waits until {@code value} of the FX state is true, seeing any change of the showing screens as progress. */
    public void awaitTrue(String what, java.util.function.BooleanSupplier value) {
        awaitTrue(what, value, ScreenScript::showing);
    }

    /** The showing windows' screens, by their root nodes. */
    private static List<String> showing() {
        return Window.getWindows().stream().filter(Window::isShowing).map(Window::getScene)
                .filter(scene -> scene != null && scene.getRoot() != null)
                .map(scene -> scene.getRoot().getClass().getSimpleName() + "@" + System.identityHashCode(scene.getRoot()))
                .toList();
    }

    private static <T extends Node> Optional<T> find(String selector, Class<T> type) {
        return Window.getWindows().stream()
                .filter(Window::isShowing)
                .map(Window::getScene)
                .filter(scene -> scene != null && scene.getRoot() != null)
                .map(scene -> scene.getRoot().lookup(selector))
                .filter(type::isInstance)
                .map(type::cast)
                .filter(Node::isVisible)
                .findFirst();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
