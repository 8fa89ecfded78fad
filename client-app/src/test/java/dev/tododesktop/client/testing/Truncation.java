package dev.tododesktop.client.testing;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/**
 * Finds what a person could not read in a laid-out scene: a label or button whose text JavaFX
 * cut short with an ellipsis, or a node pushed past the window's edge. FX thread only.
 */
public final class Truncation {

    private Truncation() {}

    /** Lays {@code scene} out and lists every visible {@link Labeled} whose drawn text is not its whole text. */
    public static List<String> ellipsised(Scene scene) {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        var found = new ArrayList<String>();
        walk(scene.getRoot(), found);
        return found;
    }

    /** Visible children of {@code container} (by style class) that reach past the scene's right or bottom edge. */
    public static List<String> outsideTheWindow(Scene scene, String containerStyleClass) {
        var found = new ArrayList<String>();
        for (Node container : scene.getRoot().lookupAll("." + containerStyleClass)) {
            if (!(container instanceof Parent parent) || !shown(container)) {
                continue;
            }
            for (Node child : parent.getChildrenUnmodifiable()) {
                Bounds b = child.localToScene(child.getBoundsInLocal());
                if (child.isVisible() && (b.getMaxX() > scene.getWidth() + 0.5 || b.getMaxY() > scene.getHeight() + 0.5
                        || b.getMinX() < -0.5)) {
                    found.add(describe(child) + " at " + b);
                }
            }
        }
        return found;
    }

    private static void walk(Node node, List<String> found) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()) {
            drawnText(labeled).filter(drawn -> !drawn.equals(labeled.getText()))
                    .ifPresent(drawn -> found.add(describe(labeled) + " shows \"" + drawn + "\" of \"" + labeled.getText() + "\""));
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, found);
            }
        }
    }

    /** The skin draws a Labeled's text through a Text child; an ellipsis or a clipped string shows there. */
    private static java.util.Optional<String> drawnText(Labeled labeled) {
        return labeled.getChildrenUnmodifiable().stream()
                .filter(Text.class::isInstance).map(Text.class::cast).map(Text::getText).findFirst();
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Node node) {
        String id = node.getId() != null ? "#" + node.getId() : "";
        return node.getClass().getSimpleName() + id + node.getStyleClass();
    }
}
