package dev.tododesktop.store.dirs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AppDirectoriesTest {
    static final Path HOME = Path.of("/home/ada");

    @Test
    void linuxUsesXdgDirectories() {
        AppDirectories dirs = AppDirectories.resolve(
                Map.of("XDG_DATA_HOME", "/data", "XDG_CONFIG_HOME", "/cfg"), "Linux", HOME);
        assertThat(dirs.dataDir()).isEqualTo(Path.of("/data/todo-desktop"));
        assertThat(dirs.configDir()).isEqualTo(Path.of("/cfg/todo-desktop"));
        assertThat(dirs.usersDir()).isEqualTo(Path.of("/data/todo-desktop/users"));
    }

    @Test
    void linuxDefaultsWhenXdgIsUnsetEmptyOrRelative() {
        AppDirectories expected = new AppDirectories(Path.of("/home/ada/.local/share/todo-desktop"),
                Path.of("/home/ada/.config/todo-desktop"));
        assertThat(AppDirectories.resolve(Map.of(), "Linux", HOME)).isEqualTo(expected);
        assertThat(AppDirectories.resolve(Map.of("XDG_DATA_HOME", "", "XDG_CONFIG_HOME", " "), "Linux", HOME))
                .isEqualTo(expected);
        assertThat(AppDirectories.resolve(Map.of("XDG_DATA_HOME", "rel/data", "XDG_CONFIG_HOME", "../x"),
                "FreeBSD", HOME)).isEqualTo(expected);
    }

    @Test
    void macOsUsesApplicationSupport() {
        AppDirectories dirs = AppDirectories.resolve(Map.of(), "Mac OS X", Path.of("/Users/ada"));
        assertThat(dirs.dataDir()).isEqualTo(Path.of("/Users/ada/Library/Application Support/TodoDesktop"));
        assertThat(dirs.configDir()).isEqualTo(dirs.dataDir());
    }

    @Test
    void windowsUsesAppData() {
        String appData = "C:\\Users\\ada\\AppData\\Roaming";
        AppDirectories dirs = AppDirectories.resolve(Map.of("APPDATA", appData), "Windows 11", HOME);
        assertThat(dirs.dataDir()).isEqualTo(Path.of(appData).resolve("TodoDesktop"));

        AppDirectories fallback = AppDirectories.resolve(Map.of(), "Windows 11", HOME);
        assertThat(fallback.dataDir()).isEqualTo(HOME.resolve("AppData").resolve("Roaming").resolve("TodoDesktop"));
    }

    @Test
    void userFileNamesAreHashesThatHostileInputCannotSteer() {
        AppDirectories dirs = new AppDirectories(Path.of("/data"), Path.of("/cfg"));
        UUID user = UUID.randomUUID();
        for (String server : new String[] {"../../etc/passwd", "/abs", "C:\\x", "a/../../b", "\u0000", "🎉", ""}) {
            Path file = new UserKey(server, user).databaseFile(dirs);
            assertThat(file.getParent()).isEqualTo(dirs.usersDir());
            assertThat(file.getFileName().toString()).matches("[0-9a-f]{64}\\.db");
        }
    }

    @Test
    void fileNamesDependOnServerAndUser() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        assertThat(new UserKey("https://s1", a).fileName()).isEqualTo(new UserKey("https://s1", a).fileName())
                .isNotEqualTo(new UserKey("https://s2", a).fileName())
                .isNotEqualTo(new UserKey("https://s1", b).fileName());
    }
}
