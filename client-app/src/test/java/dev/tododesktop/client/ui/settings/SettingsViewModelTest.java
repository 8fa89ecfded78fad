package dev.tododesktop.client.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.server.TodoServer;
import dev.tododesktop.server.config.ServerConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server setting against a real server's /health, and against addresses that are not one. */
class SettingsViewModelTest {

    final List<Optional<URI>> saved = new ArrayList<>();

    private SettingsViewModel model(Optional<URI> current) {
        return new SettingsViewModel(current, Runnable::run, Runnable::run, saved::add);
    }

    @Test
    void aRemoteServerIsSavedOnlyAfterItsHealthAnswers(@TempDir Path dir) {
        try (var server = TodoServer.start(ServerConfig.embedded(dir))) {
            var model = model(Optional.empty());
            model.useThisComputerProperty().set(false);
            model.remoteUrlProperty().set(" " + server.baseUri() + "/ ");
            model.apply().join();
            assertThat(saved).containsExactly(Optional.of(server.baseUri()));
            assertThat(model.messageProperty().get()).startsWith("Saved.");
        }
    }

    @Test
    void anAddressWithNoServerIsNotSaved(@TempDir Path dir) {
        int deadPort;
        try (var server = TodoServer.start(ServerConfig.embedded(dir))) {
            deadPort = server.port();
        }
        var model = model(Optional.empty());
        model.useThisComputerProperty().set(false);
        model.remoteUrlProperty().set("http://127.0.0.1:" + deadPort);
        model.apply().join();
        assertThat(saved).isEmpty();
        assertThat(model.messageProperty().get()).startsWith("Not saved: no answer");
    }

    @Test
    void somethingThatIsNotAWebAddressIsRefusedAtOnce() {
        var model = model(Optional.empty());
        model.useThisComputerProperty().set(false);
        for (String bad : List.of("", "todo.example.com", "ftp://x.example.com", "http://", "http://x.example.com/?a=b")) {
            model.remoteUrlProperty().set(bad);
            model.apply().join();
            assertThat(model.messageProperty().get()).as(bad).startsWith("Enter a server address");
        }
        assertThat(saved).isEmpty();
    }

    @Test
    void goingBackToThisComputerNeedsNoCheck() {
        var model = model(Optional.of(URI.create("https://todo.example.com")));
        assertThat(model.useThisComputerProperty().get()).isFalse();
        assertThat(model.remoteUrlProperty().get()).isEqualTo("https://todo.example.com");
        model.useThisComputerProperty().set(true);
        model.apply().join();
        assertThat(saved).containsExactly(Optional.empty());
    }
}
