package dev.tododesktop.client.app;

import dev.tododesktop.store.dirs.AppDirectories;

/** Points logback at the data directory's {@code logs/} before the first logger exists. */
final class AppLogging {

    private AppLogging() {}

    static void configure(AppDirectories dirs) {
        if (System.getProperty("todo.log.dir") == null) {
            System.setProperty("todo.log.dir", dirs.logsDir().toString());
        }
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "todo-desktop-logback.xml");
        }
    }

    /** The file this run logs to. */
    static java.nio.file.Path file() {
        return java.nio.file.Path.of(System.getProperty("todo.log.dir", ""), "todo-desktop.log");
    }
}
