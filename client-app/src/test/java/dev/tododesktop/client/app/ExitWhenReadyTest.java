package dev.tododesktop.client.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code -Dtodo.exitWhenReady=true}, which the installer smoke test relies on: the real app in a
 * child JVM shows the sign-in screen, starts its embedded server, then quits with status 0 and
 * stops the server on the way out.
 */
class ExitWhenReadyTest {

    @Test
    void quitsCleanlyOnceTheSignInScreenAndTheServerAreUp() throws Exception {
        Path dir = Files.createTempDirectory("todo-exit-when-ready");
        Path logs = dir.resolve("logs");
        String java = ProcessHandle.current().info().command().orElse("java");
        var process = new ProcessBuilder(java, "-Dglass.platform=Headless", "-Dprism.order=sw",
                "-D" + TodoDesktopApp.EXIT_WHEN_READY + "=true", "-Dtodo.log.dir=" + logs,
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--data-dir=" + dir.resolve("data"), "--config-dir=" + dir.resolve("config"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        boolean exited = process.waitFor(90, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }

        assertThat(exited).as("exited within 90 s; see %s", dir).isTrue();
        assertThat(process.exitValue()).as("exit status; see %s", dir).isZero();
        assertThat(Files.readString(logs.resolve("todo-desktop.log")))
                .contains("First screen (sign-in) shown", "Embedded sync server listening on",
                        "todo.exitWhenReady is set: exiting", "Embedded sync server stopped");
    }
}
