package dev.tododesktop.client.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code -Dtodo.exitWhenReady=true}, which the installer smoke test relies on: the real app in a
 * child JVM shows the sign-in screen, starts its embedded server, then quits with status 0 and
 * stops the server on the way out. Its log goes where {@code --data-dir=} says, as the README
 * promises, not to the platform's data directory (here a throwaway home that must stay empty).
 */
class ExitWhenReadyTest {

    @Test
    void quitsCleanlyOnceTheSignInScreenAndTheServerAreUp() throws Exception {
        Path dir = Files.createTempDirectory("todo-exit-when-ready");
        Path logs = dir.resolve("data").resolve("logs");
        Path home = Files.createDirectories(dir.resolve("home"));
        var child = ChildJvm.command(List.of("-Dglass.platform=Headless", "-Dprism.order=sw",
                        "-D" + TodoDesktopApp.EXIT_WHEN_READY + "=true", "-Duser.home=" + home),
                Main.class.getName(), "--data-dir=" + dir.resolve("data"), "--config-dir=" + dir.resolve("config"));
        child.environment().put("HOME", home.toString());
        child.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        child.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());

        var outcome = ChildJvm.run(child, dir.resolve("out.txt"), 90);

        assertThat(outcome.exited()).as("exited within 90 s; see %s", dir).isTrue();
        assertThat(outcome.status()).as("exit status; see %s", dir).isZero();
        assertThat(outcome.output()).as("what it printed").doesNotContain("Unsupported JavaFX configuration", "WARNING");
        assertThat(logs.resolve("todo-desktop.log")).as("the log under --data-dir; see %s", dir).isRegularFile();
        assertThat(home.resolve("data")).as("nothing in the platform's data directory").doesNotExist();
        assertThat(Files.readString(logs.resolve("todo-desktop.log")))
                .contains("First screen (sign-in) shown", "Embedded sync server listening on",
                        "todo.exitWhenReady is set: exiting", "Embedded sync server stopped");
    }
}
