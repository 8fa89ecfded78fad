package dev.tododesktop.client.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads a screen's FXML ({@link FxmlFile}) with a controller the caller built by constructor
 * injection, so controllers never reach for singletons. The FXML still names its controller
 * class, which this loader checks, so the two cannot silently drift apart.
 */
public final class ViewLoader {

    public Parent load(FxmlFile file, Object controller) {
        String fxmlName = file.resourcePath();
        URL fxml = Objects.requireNonNull(ViewLoader.class.getResource(fxmlName), () -> "no FXML at " + fxmlName);
        var loader = new FXMLLoader(fxml);
        loader.setControllerFactory(type -> {
            if (!type.isInstance(controller)) {
                throw new IllegalStateException(fxmlName + " expects a " + type.getName()
                        + " but was given a " + controller.getClass().getName());
            }
            return controller;
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + fxmlName, e);
        }
    }
}
