package dev.tododesktop.client.app;

import javafx.application.Application;

/**
 * The launcher's entry point. A class that is not itself an {@code Application} lets the app run
 * from a plain classpath, without JavaFX on the module path.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        AppLogging.configure();
        Application.launch(TodoDesktopApp.class, args);
    }
}
