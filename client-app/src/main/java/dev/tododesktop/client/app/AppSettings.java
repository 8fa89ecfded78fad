package dev.tododesktop.client.app;

import dev.tododesktop.client.ui.Theme;
import java.util.Optional;
import java.util.UUID;

/**
 * What the app remembers between runs. No secrets: tokens live only in the keychain.
 *
 * @param lastUserId  whose login to resume at start-up (cleared by signing out)
 * @param lastAccount who signed in here last (kept after signing out, cleared by forgetting the device)
 * @param window      where the main window was last
 */
public record AppSettings(ServerChoice server, Theme theme, Optional<UUID> lastUserId, Optional<KnownAccount> lastAccount,
                          Optional<WindowBounds> window) {

    public AppSettings(ServerChoice server, Theme theme, Optional<UUID> lastUserId, Optional<KnownAccount> lastAccount) {
        this(server, theme, lastUserId, lastAccount, Optional.empty());
    }

    public static AppSettings defaults() {
        return new AppSettings(new ServerChoice.ThisComputer(), Theme.LIGHT, Optional.empty(), Optional.empty());
    }

    public AppSettings withLastUser(Optional<UUID> user) {
        return new AppSettings(server, theme, user, lastAccount, window);
    }

    public AppSettings withLastAccount(Optional<KnownAccount> account) {
        return new AppSettings(server, theme, lastUserId, account, window);
    }

    public AppSettings withTheme(Theme newTheme) {
        return new AppSettings(server, newTheme, lastUserId, lastAccount, window);
    }

    public AppSettings withServer(ServerChoice choice) {
        return new AppSettings(choice, theme, lastUserId, lastAccount, window);
    }

    public AppSettings withWindow(WindowBounds bounds) {
        return new AppSettings(server, theme, lastUserId, lastAccount, Optional.of(bounds));
    }
}
