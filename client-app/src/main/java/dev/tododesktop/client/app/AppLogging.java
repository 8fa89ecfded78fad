package dev.tododesktop.client.app;

import dev.tododesktop.store.dirs.AppDirectories;

/** Points logback at the data directory before the first logger exists. */
final class AppLogging {

    private AppLogging() {}

    static void configure() {
        if (System.getProperty("todo.log.dir") == null) {
            System.setProperty("todo.log.dir", AppDirectories.forCurrentPlatform().dataDir().resolve("logs").toString());
        }
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "todo-desktop-logback.xml");
        }
    }
}
