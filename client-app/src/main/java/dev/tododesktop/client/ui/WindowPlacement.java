package dev.tododesktop.client.ui;

import javafx.geometry.Rectangle2D;
import javafx.scene.control.Dialog;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/** Where secondary windows and dialogs go: over the middle of the window they belong to, never off its screen. */
public final class WindowPlacement {

    private WindowPlacement() {}

    /** Centres {@code window} on {@code owner} each time it is shown (its size is known only then). */
    public static void centreOnOwner(Window owner, Window window) {
        window.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> centre(owner, window.getWidth(), window.getHeight(),
                window::setX, window::setY));
    }

    /** The same for a dialog, which is not itself a {@link Window} until shown. */
    public static void centreOnOwner(Window owner, Dialog<?> dialog) {
        dialog.setOnShown(e -> centre(owner, dialog.getWidth(), dialog.getHeight(), dialog::setX, dialog::setY));
    }

    /** Esc closes the window, unless a control in it used the key first (a popup, an editor). */
    public static void closeOnEscape(Stage window) {
        window.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !e.isConsumed()) {
                e.consume();
                window.close();
            }
        });
    }

    private static void centre(Window owner, double width, double height,
                               java.util.function.DoubleConsumer setX, java.util.function.DoubleConsumer setY) {
        double x = owner.getX() + (owner.getWidth() - width) / 2;
        double y = owner.getY() + (owner.getHeight() - height) / 2;
        Rectangle2D area = Screen.getScreensForRectangle(owner.getX(), owner.getY(), owner.getWidth(), owner.getHeight())
                .stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
        setX.accept(clamp(x, area.getMinX(), area.getMaxX() - width));
        setY.accept(clamp(y, area.getMinY(), area.getMaxY() - height));
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(value, Math.max(min, max)));
    }
}
