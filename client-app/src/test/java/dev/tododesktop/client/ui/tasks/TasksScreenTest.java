package dev.tododesktop.client.ui.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.client.ui.Theme;
import dev.tododesktop.client.ui.ViewLoader;
import dev.tododesktop.store.session.UserStore;
import dev.tododesktop.store.tasks.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The tasks screen with a real SQLite store, the store's work on a background thread as in the
 * app, driven by keyboard and mouse on JavaFX's headless platform.
 */
@ExtendWith(ApplicationExtension.class)
class TasksScreenTest {

    UserStore store;
    ExecutorService io;
    Path dir;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("tasks-screen");
        store = UserStore.open(dir.resolve("user.db"), Clock.systemUTC());
        io = Executors.newSingleThreadExecutor();
        var model = new TasksViewModel(store, io, Platform::runLater, Clock.systemUTC(), ZoneId.systemDefault(), () -> { });
        var editor = new TaskEditorViewModel(model);
        var scene = new Scene(new ViewLoader().load(dev.tododesktop.client.ui.FxmlFile.TASKS, new TasksController(model, editor, () -> { })), 900, 600);
        Theme.LIGHT.apply(scene);
        stage.setScene(scene);
        stage.show();
        model.refresh();
    }

    @AfterEach
    void stop() throws Exception {
        io.shutdown();
        io.awaitTermination(5, TimeUnit.SECONDS);
        store.close();
    }

    @SuppressWarnings("unchecked")
    private ListView<Task> list(FxRobot robot) {
        return robot.lookup("#taskList").queryAs(ListView.class);
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }

    @Test
    void enterAddsSpaceCompletesDeleteRemovesAndUndoBringsBack(FxRobot robot) throws Exception {
        robot.clickOn("#quickAddField").write("Buy milk").type(KeyCode.ENTER);
        robot.write("Walk the dog").type(KeyCode.ENTER);
        waitUntil(() -> list(robot).getItems().size() == 2);
        assertThat(robot.lookup("#leftLabel").queryAs(Label.class).getText()).isEqualTo("2 tasks left");

        robot.interact(() -> {
            list(robot).requestFocus();
            list(robot).getSelectionModel().select(0);
        });
        robot.type(KeyCode.SPACE);
        waitUntil(() -> list(robot).getItems().getFirst().completed());
        assertThat(robot.lookup("#leftLabel").queryAs(Label.class).getText()).isEqualTo("1 task left");

        robot.interact(() -> list(robot).requestFocus());
        robot.type(KeyCode.DELETE);
        waitUntil(() -> list(robot).getItems().size() == 1);
        assertThat(robot.lookup("#undoBar").query().isVisible()).isTrue();

        robot.press(KeyCode.CONTROL).press(KeyCode.Z).release(KeyCode.Z).release(KeyCode.CONTROL);
        waitUntil(() -> list(robot).getItems().size() == 2);
    }

    @Test
    void searchAsYouTypeNarrowsTheList(FxRobot robot) throws Exception {
        robot.clickOn("#quickAddField").write("Pay rent").type(KeyCode.ENTER);
        robot.write("Call mum").type(KeyCode.ENTER);
        waitUntil(() -> list(robot).getItems().size() == 2);
        robot.clickOn("#searchField").write("MUM");
        waitUntil(() -> list(robot).getItems().size() == 1);
        assertThat(list(robot).getItems().getFirst().title()).isEqualTo("Call mum");
    }

    @Test
    void enterOnASelectedTaskEditsItsTitleInPlaceAndEscapeCancels(FxRobot robot) throws Exception {
        robot.clickOn("#quickAddField").write("Buy milk").type(KeyCode.ENTER);
        waitUntil(() -> list(robot).getItems().size() == 1);
        robot.interact(() -> {
            list(robot).requestFocus();
            list(robot).getSelectionModel().select(0);
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        robot.write(" and bread").type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list(robot).getItems().getFirst().title()).isEqualTo("Buy milk");

        robot.interact(() -> list(robot).requestFocus());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        robot.press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL);
        robot.write("Buy oat milk").type(KeyCode.ENTER);
        waitUntil(() -> list(robot).getItems().getFirst().title().equals("Buy oat milk"));
    }
}
