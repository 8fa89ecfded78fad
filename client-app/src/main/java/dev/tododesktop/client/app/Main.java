package dev.tododesktop.client.app;

import java.util.List;
import javafx.application.Application;
import org.slf4j.LoggerFactory;

/**
 * The launcher's entry point. A class that is not itself an {@code Application}, so that the
 * launcher controls how JavaFX starts (and what a person reads when it cannot).
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        try {
            run(args);
        } catch (CannotStart e) {
            System.err.println("Todo Desktop cannot start: " + e.getMessage());
            System.exit(1);
        }
        // The window is closed and the app stopped; libraries' non-daemon threads (the keychain's
        // D-Bus connection) must not keep an invisible process alive.
        System.exit(0);
    }

    /** Runs the app until its window closes and it has stopped. */
    public static void run(String[] args) {
        AppLogging.configure(LaunchArguments.parse(List.of(args)).directories());
        try {
            Application.launch(TodoDesktopApp.class, args);
        } catch (RuntimeException e) {
            var why = DisplayProblem.explain(e, System.getenv(), DisplayProblem::loadable);
            if (why.isEmpty()) {
                throw e;
            }
            LoggerFactory.getLogger(Main.class).error("Cannot start: {}", why.get(), e);
            throw new CannotStart(why.get() + ". Details: " + AppLogging.file(), e);
        }
    }

    /** JavaFX could not reach a display; the message says what is missing, in a person's words. */
    public static final class CannotStart extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CannotStart(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
