package dev.tododesktop.client.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.client.ui.Theme;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFileTest {

    @TempDir
    Path config;

    @Test
    void whatIsSavedIsLoadedBack() {
        var account = new KnownAccount(UUID.randomUUID(), "ada@example.com");
        var saved = new AppSettings(new ServerChoice.Remote(URI.create("https://todo.example.com")), Theme.DARK,
                Optional.of(account.userId()), Optional.of(account));
        var file = new SettingsFile(config);
        file.save(saved);
        assertThat(file.load()).isEqualTo(saved);
    }

    @Test
    void signingOutForgetsTheLoginButKeepsTheAccountToOffer() {
        var account = new KnownAccount(UUID.randomUUID(), "ada@example.com");
        var file = new SettingsFile(config);
        file.save(AppSettings.defaults().withLastUser(Optional.of(account.userId())).withLastAccount(Optional.of(account))
                .withLastUser(Optional.empty()));
        assertThat(file.load().lastUserId()).isEmpty();
        assertThat(file.load().lastAccount()).contains(account);
    }

    @Test
    void theWindowsPlaceIsKept() {
        var file = new SettingsFile(config);
        var bounds = new WindowBounds(-1280.5, 40, 1100, 720, true);
        file.save(AppSettings.defaults().withTheme(Theme.DARK).withWindow(bounds));
        assertThat(file.load().window()).contains(bounds);
        assertThat(file.load().theme()).isEqualTo(Theme.DARK);
    }

    @Test
    void aDamagedWindowPlaceIsIgnored() throws Exception {
        Files.writeString(config.resolve("settings.properties"), """
                theme=dark
                window_x=12
                window_y=oops
                window_width=900
                window_height=600
                """);
        var loaded = new SettingsFile(config).load();
        assertThat(loaded.window()).isEmpty();
        assertThat(loaded.theme()).isEqualTo(Theme.DARK);
        Files.writeString(config.resolve("settings.properties"), "window_x=0\nwindow_y=0\nwindow_width=-5\nwindow_height=600\n");
        assertThat(new SettingsFile(config).load().window()).isEmpty();
    }

    @Test
    void noFileMeansDefaults() {
        assertThat(new SettingsFile(config).load()).isEqualTo(AppSettings.defaults());
    }

    @Test
    void aDamagedAccountEntryIsIgnoredAndTheRestStillCounts() throws Exception {
        Files.writeString(config.resolve("settings.properties"), """
                theme=dark
                last_account_id=not-a-uuid
                last_account_email=ada@example.com
                """);
        var loaded = new SettingsFile(config).load();
        assertThat(loaded.theme()).isEqualTo(Theme.DARK);
        assertThat(loaded.lastAccount()).isEmpty();
    }

    @Test
    void anAccountWithoutAnEmailIsNotOffered() throws Exception {
        Files.writeString(config.resolve("settings.properties"), "last_account_id=" + UUID.randomUUID() + "\nlast_account_email=  \n");
        assertThat(new SettingsFile(config).load().lastAccount()).isEmpty();
    }
}
