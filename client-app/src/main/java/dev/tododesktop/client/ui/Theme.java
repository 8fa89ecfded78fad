package dev.tododesktop.client.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;

/** Light or dark: AtlantaFX's Primer themes as the user-agent stylesheet, our own CSS on top. */
public enum Theme {
    LIGHT(new PrimerLight().getUserAgentStylesheet()),
    DARK(new PrimerDark().getUserAgentStylesheet());

    private static final String APP_CSS = Objects.requireNonNull(
            Theme.class.getResource("/css/app.css")).toExternalForm();

    private final String userAgentStylesheet;

    Theme(String userAgentStylesheet) {
        this.userAgentStylesheet = userAgentStylesheet;
    }

    /** Must run on the FX thread. */
    public void apply(Scene scene) {
        // Setting it, even to the same sheet, makes JavaFX rebuild its style caches and restyle every node.
        if (!userAgentStylesheet.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(userAgentStylesheet);
        }
        if (!scene.getStylesheets().contains(APP_CSS)) {
            scene.getStylesheets().add(APP_CSS);
        }
        scene.getRoot().getStyleClass().removeAll("theme-light", "theme-dark");
        scene.getRoot().getStyleClass().add(this == LIGHT ? "theme-light" : "theme-dark");
    }
}
