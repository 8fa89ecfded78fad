package dev.tododesktop.client.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Started on Linux where there is no display (a terminal over ssh, a service), the app says so
 * in one line and exits 1, instead of JavaFX's stack trace. The real app in a child JVM, on the
 * real GTK platform, with DISPLAY and WAYLAND_DISPLAY removed.
 */
@EnabledOnOs(OS.LINUX)
class NoDisplayTest {

    @Test
    void saysInOneLineThatThereIsNoDisplay() throws Exception {
        Path dir = Files.createTempDirectory("todo-no-display");
        var child = ChildJvm.command(List.of(), Main.class.getName(),
                "--data-dir=" + dir.resolve("data"), "--config-dir=" + dir.resolve("config"));
        child.environment().remove("DISPLAY");
        child.environment().remove("WAYLAND_DISPLAY");

        var outcome = ChildJvm.run(child, dir.resolve("out.txt"), 60);

        assertThat(outcome.exited()).as("exited; see %s", outcome.outputFile()).isTrue();
        assertThat(outcome.status()).as("exit status; output: %s", outcome.output()).isEqualTo(1);
        assertThat(outcome.output().lines().toList()).as("everything it printed").singleElement().asString()
                .startsWith("Todo Desktop cannot start: no graphical display: DISPLAY is not set")
                .contains(dir.resolve("data").resolve("logs").toString());
        assertThat(Files.readString(dir.resolve("data").resolve("logs").resolve("todo-desktop.log")))
                .as("the details are in the log").contains("Unable to open DISPLAY", "com.sun.glass.ui.gtk.GtkApplication.<init>");
    }
}
