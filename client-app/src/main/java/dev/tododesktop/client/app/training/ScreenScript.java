package dev.tododesktop.client.app.training;

import java.time.Duration;
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
 */
public final class ScreenScript {

    private final Duration patience;

    public ScreenScript(Duration patience) {
        this.patience = patience;
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
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> found = onFx(() -> find(selector, type).filter(test));
            if (found.isPresent()) {
                return found.get();
            }
            pause(20);
        }
        throw new IllegalStateException("no " + selector + " on screen within " + patience);
    }

    public <T extends Node> T await(String selector, Class<T> type) {
        return await(selector, type, node -> true);
    }

    /** Waits until {@code value} of the FX state is true. */
    public void awaitTrue(String what, java.util.function.BooleanSupplier value) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (onFx(value::getAsBoolean)) {
                return;
            }
            pause(20);
        }
        throw new IllegalStateException(what + " did not happen within " + patience);
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
