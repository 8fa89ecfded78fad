package dev.tododesktop.client.app;

import dev.tododesktop.store.dirs.AppDirectories;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The command line's {@code --data-dir=} and {@code --config-dir=}: other places than the
 * platform's for everything the app keeps (a portable install, or a run that must not touch the
 * user's real data). Read before JavaFX starts, since the log goes to the data directory too.
 */
record LaunchArguments(Optional<Path> dataDir, Optional<Path> configDir) {

    static LaunchArguments parse(List<String> args) {
        return new LaunchArguments(value(args, "--data-dir="), value(args, "--config-dir="));
    }

    /** The named directories, and the platform's for those not named. */
    AppDirectories directories(AppDirectories platform) {
        return new AppDirectories(dataDir.orElse(platform.dataDir()), configDir.orElse(platform.configDir()));
    }

    AppDirectories directories() {
        return directories(AppDirectories.forCurrentPlatform());
    }

    // The last one given wins, as JavaFX's own named parameters do.
    private static Optional<Path> value(List<String> args, String prefix) {
        return args.stream().filter(a -> a.startsWith(prefix) && a.length() > prefix.length())
                .reduce((first, second) -> second)
                .map(a -> Path.of(a.substring(prefix.length())).toAbsolutePath());
    }
}
