package dev.tododesktop.client.app;

import java.util.Optional;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The main window opens where it was left, at the size it had, maximised if it was; moving or
 * resizing it is written down (once it has been still for a moment), so a crash keeps it too.
 * FX thread; {@code save} must hand the disk write to another thread.
 */
final class WindowMemory {

    private final Stage window;
    private final Consumer<WindowBounds> save;
    private final PauseTransition settle = new PauseTransition(Duration.millis(400));
    /** Where the window goes when not maximised: what to remember while it is. */
    private WindowBounds normal;
    private WindowBounds lastSaved;
    private final javafx.beans.InvalidationListener changed = obs -> changed();

    private WindowMemory(Stage window, WindowBounds placed, Consumer<WindowBounds> save) {
        this.window = window;
        this.save = save;
        this.normal = placed;
        this.lastSaved = placed;
        settle.setOnFinished(e -> saveNow());
    }

    /** Places {@code window} (before it is shown) and keeps what it does from then on. */
    static WindowMemory restore(Stage window, Optional<WindowBounds> saved, Consumer<WindowBounds> save) {
        var screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        var primary = Screen.getPrimary().getVisualBounds();
        var ordered = new java.util.ArrayList<javafx.geometry.Rectangle2D>();
        ordered.add(primary);
        screens.stream().filter(s -> !s.equals(primary)).forEach(ordered::add);
        var placed = WindowBounds.place(saved, ordered);
        window.setMinWidth(WindowBounds.MIN_WIDTH);
        window.setMinHeight(WindowBounds.MIN_HEIGHT);
        window.setX(placed.x());
        window.setY(placed.y());
        window.setWidth(placed.width());
        window.setHeight(placed.height());
        window.setMaximized(placed.maximized());
        var memory = new WindowMemory(window, placed, save);
        memory.watch();
        return memory;
    }

    private void watch() {
        window.xProperty().addListener(changed);
        window.yProperty().addListener(changed);
        window.widthProperty().addListener(changed);
        window.heightProperty().addListener(changed);
        window.maximizedProperty().addListener(changed);
    }

    private void changed() {
        if (!window.isMaximized() && !window.isIconified() && window.isShowing()) {
            normal = new WindowBounds(window.getX(), window.getY(), window.getWidth(), window.getHeight(), false);
        }
        settle.playFromStart();
    }

    /** The app is closing: writes down where the window is, and stops watching it. */
    void close() {
        saveNow();
        window.xProperty().removeListener(changed);
        window.yProperty().removeListener(changed);
        window.widthProperty().removeListener(changed);
        window.heightProperty().removeListener(changed);
        window.maximizedProperty().removeListener(changed);
    }

    /** Writes down where the window is now, if that changed. */
    private void saveNow() {
        settle.stop();
        var now = new WindowBounds(normal.x(), normal.y(), normal.width(), normal.height(), window.isMaximized());
        if (!now.equals(lastSaved)) {
            lastSaved = now;
            save.accept(now);
        }
    }
}
