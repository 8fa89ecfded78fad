package dev.tododesktop.client.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.client.app.training.StartupTraining;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The build's start-up training (StartupTraining, run at {@code package} to make the start-up
 * cache) as a test: the same scenario in a child JVM started as the launcher starts the app.
 * The build only warns when the training fails, so a person's first build still ends with a
 * working app; this test is how such a failure (a real bug the scripted person ran into, as in
 * issue 20) fails CI instead of going unseen.
 */
class StartupTrainingTest {

    @Test
    void theScriptedFirstRunFinishes() throws Exception {
        var dir = Files.createTempDirectory("todo-startup-training-test");
        var child = ChildJvm.command(
                List.of("-Dglass.platform=Headless", "-Dprism.order=sw"), StartupTraining.class.getName());

        var outcome = ChildJvm.run(child, dir.resolve("out.txt"), 600);

        assertThat(outcome.exited()).as("the training ended by itself; output: %s", outcome.output()).isTrue();
        assertThat(outcome.output()).as("the training's output").contains("Start-up training finished")
                .doesNotContain("Start-up training failed");
        assertThat(outcome.status()).as("exit status; output: %s", outcome.output()).isZero();
    }
}
