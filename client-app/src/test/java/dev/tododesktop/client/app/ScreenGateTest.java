package dev.tododesktop.client.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScreenGateTest {

    @Test
    void workPostedWhileTheScreenIsBuiltWaitsAndThenRunsInOrderWhenItOpens() {
        var gate = new ScreenGate();
        List<String> ran = new ArrayList<>();
        gate.execute(() -> ran.add("rows"));
        gate.execute(() -> ran.add("counts"));
        assertThat(ran).as("nothing touches the half-built screen").isEmpty();
        gate.open();
        assertThat(ran).containsExactly("rows", "counts");
        gate.open();
        assertThat(ran).as("held work runs once").containsExactly("rows", "counts");
    }
}
