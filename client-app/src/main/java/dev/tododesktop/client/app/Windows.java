package dev.tododesktop.client.app;

import dev.tododesktop.client.ui.FxmlFile;
import dev.tododesktop.client.ui.Theme;
import dev.tododesktop.client.ui.ViewLoader;
import dev.tododesktop.client.ui.WindowPlacement;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Opens and owns the app's windows: the main one, whose content is one screen at a time, and
 * the secondary ones, each at most once, centred on the main window, closed by Esc, in the
 * current theme. FX thread only.
 */
final class Windows {

    /** The windows besides the main one. */
    enum Secondary {
        SETTINGS(FxmlFile.SETTINGS, 520, 440, Modality.WINDOW_MODAL),
        ACCOUNT(FxmlFile.ACCOUNT, 560, 600, Modality.WINDOW_MODAL),
        CONFLICTS(FxmlFile.CONFLICTS, 640, 440, Modality.NONE);

        final FxmlFile fxml;
        final double width;
        final double height;
        final Modality modality;

        Secondary(FxmlFile fxml, double width, double height, Modality modality) {
            this.fxml = fxml;
            this.width = width;
            this.height = height;
            this.modality = modality;
        }
    }

    private final Stage main;
    private final ViewLoader views;
    private final Map<Secondary, Stage> open = new EnumMap<>(Secondary.class);
    private Scene scene;
    private Theme theme;

    Windows(Stage main, ViewLoader views, Theme theme, Parent first, double width, double height) {
        this.main = main;
        this.views = views;
        this.theme = theme;
        scene = new Scene(first, width, height);
        theme.apply(scene);
        main.setScene(scene);
    }

    Stage main() {
        return main;
    }

    /** The main window shows {@code root}. */
    void show(Parent root) {
        scene.setRoot(root);
        theme.apply(scene);
    }

    /** The main window shows {@code file} bound to {@code controller}. */
    void show(FxmlFile file, Object controller) {
        show(views.load(file, controller));
    }

    /** A scene the size of the main window's, in its theme, to build a screen in before the window takes it. */
    Scene sceneLikeMain(Parent root) {
        var staged = new Scene(root, scene.getWidth(), scene.getHeight());
        theme.apply(staged);
        return staged;
    }

    /** The main window takes a scene built off-window by {@link #sceneLikeMain}. */
    void take(Scene staged) {
        main.setScene(staged);
        scene = staged;
    }

    Theme theme() {
        return theme;
    }

    /** Every open window takes {@code newTheme}. */
    void useTheme(Theme newTheme) {
        theme = newTheme;
        theme.apply(scene);
        open.values().forEach(window -> theme.apply(window.getScene()));
    }

    /**
     * Opens {@code kind} with the controller {@code controller} makes, or brings it to the front
     * when it is open already (its controller is then not made).
     */
    Stage open(Secondary kind, String title, Supplier<?> controller) {
        var existing = open.get(kind);
        if (existing != null) {
            existing.setTitle(title);
            existing.toFront();
            existing.requestFocus();
            return existing;
        }
        var window = new Stage();
        window.initOwner(main);
        window.initModality(kind.modality);
        window.setTitle(title);
        var content = new Scene(views.load(kind.fxml, controller.get()), kind.width, kind.height);
        theme.apply(content);
        window.setScene(content);
        WindowPlacement.centreOnOwner(main, window);
        WindowPlacement.closeOnEscape(window);
        window.setOnHidden(e -> open.remove(kind, window));
        open.put(kind, window);
        window.show();
        return window;
    }

    /** Closes the secondary windows (signing out closes the account's). */
    void closeSecondaries() {
        java.util.List.copyOf(open.values()).forEach(Stage::close);
    }

    Window owner() {
        return main;
    }
}
