package dev.tododesktop.store.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.store.session.UserStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A local edit that returned must survive the process being killed right after. */
class KillTest {
    // Two kills: the second also shows a killed session's edit stays ahead of later ones.
    private static final int ROUNDS = 2;

    @TempDir
    Path dir;

    @Test
    void anEditThatReturnedSurvivesKill9() throws Exception {
        Path file = dir.resolve("user.db");
        List<String[]> written = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            written.add(runChildAndKill(file, "edit " + round));
        }

        try (UserStore store = UserStore.open(file, Clock.systemUTC())) {
            assertThat(store.sync().pending()).hasSize(ROUNDS);
            for (int round = 0; round < ROUNDS; round++) {
                UUID taskId = UUID.fromString(written.get(round)[1]);
                UUID mutationId = UUID.fromString(written.get(round)[2]);
                assertThat(store.tasks().get(taskId)).hasValueSatisfying(t -> assertThat(t.title()).startsWith("edit "));
                assertThat(store.sync().pending().get(round).mutationId()).isEqualTo(mutationId);
            }
        }
    }

    private static String[] runChildAndKill(Path file, String title) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "--enable-native-access=ALL-UNNAMED",
                "-Dorg.sqlite.tmpdir=" + System.getProperty("org.sqlite.tmpdir", System.getProperty("java.io.tmpdir")),
                KillTestChild.class.getName(), file.toString(), title)
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("written ")) {
                // skip anything the JVM prints before our line
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(line).as("child output").isNotNull();
            return line.split(" ");
        } finally {
            child.destroyForcibly();
        }
    }
}
