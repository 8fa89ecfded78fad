package dev.tododesktop.client.app;

import java.util.List;
import javafx.application.Application;

/**
 * The launcher's entry point. A class that is not itself an {@code Application}, so that the
 * launcher controls how JavaFX starts.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        run(args);
        // The window is closed and the app stopped; libraries' non-daemon threads (the keychain's
        // D-Bus connection) must not keep an invisible process alive.
        System.exit(0);
    }

    /** Runs the app until its window closes and it has stopped. */
    public static void run(String[] args) {
        AppLogging.configure(LaunchArguments.parse(List.of(args)).directories());
        Application.launch(TodoDesktopApp.class, args);
    }
}
