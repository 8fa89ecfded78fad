package dev.tododesktop.store.dirs;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the app keeps its data and configuration, by platform convention:
 * Windows {@code %APPDATA%\TodoDesktop}; macOS {@code ~/Library/Application Support/TodoDesktop};
 * Linux and other Unixes {@code $XDG_DATA_HOME/todo-desktop} and {@code $XDG_CONFIG_HOME/todo-desktop}
 * (defaults {@code ~/.local/share} and {@code ~/.config}). Resolved from injected values so
 * every platform can be tested anywhere.
 */
public record AppDirectories(Path dataDir, Path configDir) {

    public static AppDirectories forCurrentPlatform() {
        return resolve(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    public static AppDirectories resolve(Map<String, String> env, String osName, Path userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            Path roaming = absolute(env.get("APPDATA")).orElse(userHome.resolve("AppData").resolve("Roaming"));
            Path dir = roaming.resolve("TodoDesktop");
            return new AppDirectories(dir, dir);
        }
        if (os.startsWith("mac") || os.contains("darwin")) {
            Path dir = userHome.resolve("Library").resolve("Application Support").resolve("TodoDesktop");
            return new AppDirectories(dir, dir);
        }
        Path data = absolute(env.get("XDG_DATA_HOME")).orElse(userHome.resolve(".local").resolve("share"));
        Path config = absolute(env.get("XDG_CONFIG_HOME")).orElse(userHome.resolve(".config"));
        return new AppDirectories(data.resolve("todo-desktop"), config.resolve("todo-desktop"));
    }

    /** The desktop app's log files. */
    public Path logsDir() {
        return dataDir.resolve("logs");
    }

    /** The directory holding one database file per user. */
    public Path usersDir() {
        return dataDir.resolve("users");
    }

    // The XDG spec says relative values are invalid and must be ignored; the same is safest for APPDATA.
    private static Optional<Path> absolute(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Path path = Path.of(value);
        return path.isAbsolute() || looksLikeWindowsAbsolute(value) ? Optional.of(path) : Optional.empty();
    }

    private static boolean looksLikeWindowsAbsolute(String value) {
        return value.length() > 2 && Character.isLetter(value.charAt(0)) && value.charAt(1) == ':'
                && (value.charAt(2) == '\\' || value.charAt(2) == '/');
    }
}
