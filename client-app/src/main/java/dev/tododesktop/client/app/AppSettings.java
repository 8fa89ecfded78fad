package dev.tododesktop.client.app;

import dev.tododesktop.client.ui.Theme;
import java.util.Optional;
import java.util.UUID;

/** What the app remembers between runs. No secrets: tokens live only in the keychain. */
public record AppSettings(ServerChoice server, Theme theme, Optional<UUID> lastUserId) {

    public static AppSettings defaults() {
        return new AppSettings(new ServerChoice.ThisComputer(), Theme.LIGHT, Optional.empty());
    }

    public AppSettings withLastUser(Optional<UUID> user) {
        return new AppSettings(server, theme, user);
    }

    public AppSettings withTheme(Theme newTheme) {
        return new AppSettings(server, newTheme, lastUserId);
    }

    public AppSettings withServer(ServerChoice choice) {
        return new AppSettings(choice, theme, lastUserId);
    }
}
