package dev.tododesktop.client.app;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;

/**
 * Where the main window is and how big, in screen coordinates, and whether it is maximised
 * (then the other numbers are where it goes when un-maximised). Remembered between runs.
 */
public record WindowBounds(double x, double y, double width, double height, boolean maximized) {

    static final double DEFAULT_WIDTH = 1100;
    static final double DEFAULT_HEIGHT = 720;
    static final double MIN_WIDTH = 640;
    static final double MIN_HEIGHT = 480;
    /** How much of the window's top edge must be on a screen for it to be found and dragged. */
    private static final double GRAB_WIDTH = 120;
    private static final double GRAB_HEIGHT = 32;

    public WindowBounds {
        if (!(width > 0 && height > 0) || !Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(width)
                || !Double.isFinite(height)) {
            throw new IllegalArgumentException("not a window's bounds: " + x + "," + y + " " + width + "×" + height);
        }
    }

    /**
     * Where the main window opens: where it was, if enough of its top edge is still on one of
     * {@code screens} (visual bounds, the primary first) and its size fits there; else the
     * default size (or less, on a small screen) centred on the primary screen.
     */
    static WindowBounds place(Optional<WindowBounds> saved, List<Rectangle2D> screens) {
        if (saved.isPresent()) {
            var was = saved.get();
            var grab = new Rectangle2D(was.x + Math.max(0, (was.width - GRAB_WIDTH) / 2), was.y,
                    Math.min(GRAB_WIDTH, was.width), Math.min(GRAB_HEIGHT, was.height));
            for (var screen : screens) {
                if (screen.contains(grab)) {
                    return new WindowBounds(was.x, was.y, Math.min(was.width, screen.getWidth()),
                            Math.min(was.height, screen.getHeight()), was.maximized);
                }
            }
        }
        var primary = screens.getFirst();
        double width = Math.max(Math.min(DEFAULT_WIDTH, primary.getWidth() * 0.9), Math.min(MIN_WIDTH, primary.getWidth()));
        double height = Math.max(Math.min(DEFAULT_HEIGHT, primary.getHeight() * 0.9), Math.min(MIN_HEIGHT, primary.getHeight()));
        return new WindowBounds(primary.getMinX() + (primary.getWidth() - width) / 2,
                primary.getMinY() + (primary.getHeight() - height) / 2, width, height,
                saved.map(WindowBounds::maximized).orElse(false));
    }
}
