package dev.tododesktop.client.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.store.tasks.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole desktop app as a user meets it: the real Application with its embedded sync server,
 * the API client and a local store in a temporary data directory, on JavaFX's headless platform.
 */
class DesktopAppEndToEndTest {

    final FxRobot robot = new FxRobot();
    Path data;
    Path config;
    javafx.application.Application app;

    @BeforeEach
    void launch() throws Exception {
        data = Files.createTempDirectory("todo-e2e-data");
        config = Files.createTempDirectory("todo-e2e-config");
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(TodoDesktopApp.class, "--data-dir=" + data, "--config-dir=" + config);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }

    private boolean present(String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    @SuppressWarnings("unchecked")
    private ListView<Task> taskList() {
        return robot.lookup("#taskList").queryAs(ListView.class);
    }

    @Test
    void registerAddCompleteSignOutAndSignInAgainShowsTheSameTasks() throws Exception {
        waitUntil(() -> present("#switchLink"));
        robot.clickOn("#switchLink");
        robot.clickOn("#emailField").write("ada@example.com");
        robot.clickOn("#passwordField").write("correct horse battery");
        robot.type(KeyCode.ENTER);

        waitUntil(() -> present("#quickAddField"));
        assertThat(robot.lookup("#userLabel").queryAs(Label.class).getText()).isEqualTo("ada@example.com");
        robot.clickOn("#quickAddField").write("Buy milk").type(KeyCode.ENTER);
        robot.write("Walk the dog").type(KeyCode.ENTER);
        waitUntil(() -> taskList().getItems().size() == 2);
        robot.interact(() -> {
            taskList().requestFocus();
            taskList().getSelectionModel().select(0);
        });
        robot.type(KeyCode.SPACE);
        waitUntil(() -> taskList().getItems().getFirst().completed());

        robot.clickOn("#signOutButton");
        // The embedded server is on this computer, but the edits have not been pushed (no sync
        // engine yet), so the app asks; keep them for later.
        waitUntil(() -> robot.lookup("Keep for later").tryQuery().isPresent() || present("#emailField"));
        if (robot.lookup("Keep for later").tryQuery().isPresent()) {
            robot.clickOn("Keep for later");
        }
        waitUntil(() -> present("#emailField"));

        robot.clickOn("#emailField").eraseText(40).write("ada@example.com");
        robot.clickOn("#passwordField").write("correct horse battery");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> present("#taskList") && taskList().getItems().size() == 2);
        assertThat(taskList().getItems()).extracting(Task::title).containsExactly("Buy milk", "Walk the dog");
        assertThat(taskList().getItems().getFirst().completed()).isTrue();
    }
}
