package dev.tododesktop.client.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.application.Platform;

/**
 * The FX-thread executor for a view model whose screen is still being built on another thread:
 * what the model posts meanwhile is held, and runs on the FX thread once the screen is shown,
 * so the half-built nodes are never touched from two threads.
 */
final class ScreenGate implements Executor {

    private final List<Runnable> held = new ArrayList<>();
    private boolean open;

    @Override
    public synchronized void execute(Runnable work) {
        if (open) {
            Platform.runLater(work);
        } else {
            held.add(work);
        }
    }

    /** On the FX thread, right after the screen is shown: runs what was held, then lets work through. */
    void open() {
        List<Runnable> waiting;
        synchronized (this) {
            open = true;
            waiting = List.copyOf(held);
            held.clear();
        }
        waiting.forEach(Runnable::run);
    }
}
