package dev.tododesktop.client.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.server.TodoServer;
import dev.tododesktop.server.config.ServerConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server setting against a real server's /health, against addresses that are not one, and what stays behind. */
class SettingsViewModelTest {

    final List<Optional<URI>> switched = new ArrayList<>();
    Optional<String> leftBehind = Optional.empty();

    private SettingsViewModel model(Optional<URI> current) {
        return new SettingsViewModel(current, Runnable::run, Runnable::run, new SettingsViewModel.Servers() {
            @Override
            public CompletableFuture<Optional<String>> leftBehind(Optional<URI> target) {
                return CompletableFuture.completedFuture(leftBehind);
            }

            @Override
            public void switchTo(Optional<URI> target) {
                switched.add(target);
            }
        });
    }

    @Test
    void aRemoteServerIsSwitchedToOnlyAfterItsHealthAnswers(@TempDir Path dir) {
        try (var server = TodoServer.start(ServerConfig.embedded(dir))) {
            var model = model(Optional.empty());
            assertThat(model.currentServer()).isEqualTo("this computer");
            model.useThisComputerProperty().set(false);
            model.remoteUrlProperty().set(" " + server.baseUri() + "/ ");
            model.apply().join();
            assertThat(switched).containsExactly(Optional.of(server.baseUri()));
            assertThat(model.messageProperty().get()).isEqualTo("Switched: the app syncs with 127.0.0.1:" + server.port() + ".");
        }
    }

    @Test
    void anAddressWithNoServerIsNotSwitchedToAndNoExceptionIsNamed(@TempDir Path dir) {
        int deadPort;
        try (var server = TodoServer.start(ServerConfig.embedded(dir))) {
            deadPort = server.port();
        }
        var model = model(Optional.empty());
        model.useThisComputerProperty().set(false);
        model.remoteUrlProperty().set("http://127.0.0.1:" + deadPort);
        model.apply().join();
        assertThat(switched).isEmpty();
        assertThat(model.messageProperty().get()).startsWith("Not switched: no answer from 127.0.0.1:" + deadPort)
                .doesNotContain("Exception");
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
        assertThat(switched).isEmpty();
    }

    @Test
    void goingBackToThisComputerNeedsNoCheck() {
        var model = model(Optional.of(URI.create("https://todo.example.com")));
        assertThat(model.useThisComputerProperty().get()).isFalse();
        assertThat(model.remoteUrlProperty().get()).isEqualTo("https://todo.example.com");
        assertThat(model.currentServer()).isEqualTo("todo.example.com");
        model.useThisComputerProperty().set(true);
        model.apply().join();
        assertThat(switched).containsExactly(Optional.empty());
    }

    @Test
    void whatStaysBehindIsSaidFirstAndOnlyASecondApplySwitches() {
        leftBehind = Optional.of("Your tasks on this computer stay with this computer's server.");
        var model = model(Optional.of(URI.create("https://todo.example.com")));
        model.useThisComputerProperty().set(true);
        model.apply().join();
        assertThat(switched).as("not before the person has read it").isEmpty();
        assertThat(model.confirmingProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).isEqualTo(leftBehind.get());

        model.cancel();
        assertThat(model.confirmingProperty().get()).isFalse();
        model.apply().join();
        assertThat(switched).as("asked again after cancelling").isEmpty();
        model.useThisComputerProperty().set(false);
        model.useThisComputerProperty().set(true);
        assertThat(model.confirmingProperty().get()).as("a changed choice withdraws the question").isFalse();
        model.apply().join();
        model.apply().join();
        assertThat(switched).containsExactly(Optional.empty());
    }

    @Test
    void theServerInUseIsNotSwitchedTo() {
        var model = model(Optional.empty());
        model.apply().join();
        assertThat(switched).isEmpty();
        assertThat(model.messageProperty().get()).isEqualTo("The app already syncs with this computer.");
    }
}
