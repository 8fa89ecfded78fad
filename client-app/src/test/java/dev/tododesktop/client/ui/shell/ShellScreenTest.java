package dev.tododesktop.client.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.client.sync.SyncStatus;
import dev.tododesktop.client.sync.SyncStatus.Connectivity;
import dev.tododesktop.client.ui.FxmlFile;
import dev.tododesktop.client.ui.Theme;
import dev.tododesktop.client.ui.ViewLoader;
import java.time.ZoneOffset;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** shell.fxml with its controller and model, the app behind it recorded: every action has a click and a key. */
@ExtendWith(ApplicationExtension.class)
class ShellScreenTest {

    final ShellViewModelTest.RecordingActions actions = new ShellViewModelTest.RecordingActions();
    ShellViewModel model;
    Stage stage;

    @Start
    void start(Stage window) {
        stage = window;
        model = new ShellViewModel("ada@example.com", Theme.LIGHT, actions, Runnable::run, ShellViewModelTest.CLOCK,
                ZoneOffset.UTC);
        var content = new StackPane(new Label("the tasks"));
        var scene = new Scene(new ViewLoader().load(FxmlFile.SHELL, new ShellController(model, content)), 1100, 700);
        Theme.LIGHT.apply(scene);
        window.setScene(scene);
        window.show();
    }

    private void show(SyncStatus status, FxRobot robot) {
        robot.interact(() -> model.showStatus(status));
    }

    @Test
    void theDarkThemeIsChosenFromTheAccountMenu(FxRobot robot) {
        robot.clickOn("#accountMenu");
        robot.clickOn("Dark theme");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(actions.calls).containsExactly("theme DARK");
        assertThat(model.themeProperty().get()).isEqualTo(Theme.DARK);

        robot.clickOn("#accountMenu");
        robot.clickOn("Dark theme");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(actions.calls).containsExactly("theme DARK", "theme LIGHT");
    }

    @Test
    void theAccountMenuOpensTheAccountAndSettingsAndSignsOut(FxRobot robot) {
        robot.clickOn("#accountMenu").clickOn("Account and devices…");
        robot.clickOn("#accountMenu").clickOn("Settings…");
        robot.clickOn("#accountMenu").clickOn("Sign out");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(actions.calls).containsExactly("account", "settings", "signOut KEEP_FOR_LATER");
    }

    @Test
    void keysSyncNowOpenSettingsAndToggleTheSidebar(FxRobot robot) {
        show(new SyncStatus(Connectivity.ONLINE, 0, Optional.empty(), 0, 0, Optional.empty()), robot);
        robot.clickOn("the tasks");
        robot.type(KeyCode.F5);
        robot.push(KeyCode.SHORTCUT, KeyCode.COMMA);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(actions.calls).containsExactly("syncNow", "settings");

        assertThat(robot.lookup("#sidebar").query().isVisible()).isTrue();
        robot.push(KeyCode.SHORTCUT, KeyCode.B);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#sidebar").query().isVisible()).isFalse();
        robot.clickOn("#sidebarToggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#sidebar").query().isVisible()).isTrue();
    }

    @Test
    void aNarrowWindowGivesTheSidebarsRoomToTheTasks(FxRobot robot) {
        robot.interact(() -> stage.setWidth(800));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#sidebar").query().isVisible()).isFalse();
        robot.interact(() -> stage.setWidth(1200));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#sidebar").query().isVisible()).isTrue();
    }

    @Test
    void theIndicatorsDetailsSayWhatWaitsAndOfferSyncNowAndReview(FxRobot robot) {
        show(new SyncStatus(Connectivity.OFFLINE, 3, Optional.of(ShellViewModelTest.CLOCK.instant()), 1, 1,
                Optional.of("offline: could not reach the server (ConnectException)")), robot);
        var indicator = robot.lookup("#syncIndicator").queryAs(Button.class);
        assertThat(indicator.getText()).isEqualTo("Offline · 3 waiting · 2 to review");
        assertThat(indicator.getAccessibleText()).startsWith("Sync status: Offline · 3 changes waiting");

        robot.clickOn("#syncIndicator");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#syncSummary").queryAs(Label.class).getText()).isEqualTo("Offline · 3 changes waiting");
        assertThat(robot.lookup("The server can't be reached right now.").tryQuery()).isPresent();
        robot.clickOn("#popoverSyncNowButton");
        robot.clickOn("#reviewButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(actions.calls).containsExactly("syncNow", "conflicts");
    }

    @Test
    void syncNowWaitsWhileARoundRunsAndAfterSignOut(FxRobot robot) {
        show(new SyncStatus(Connectivity.SYNCING, 0, Optional.empty(), 0, 0, Optional.empty()), robot);
        assertThat(robot.lookup("#syncNowButton").queryAs(Button.class).isDisabled()).isTrue();
        show(new SyncStatus(Connectivity.ONLINE, 0, Optional.empty(), 0, 0, Optional.empty()), robot);
        assertThat(robot.lookup("#syncNowButton").queryAs(Button.class).isDisabled()).isFalse();
        show(new SyncStatus(Connectivity.SIGNED_OUT, 0, Optional.empty(), 0, 0, Optional.empty()), robot);
        assertThat(robot.lookup("#syncNowButton").queryAs(Button.class).isDisabled()).isTrue();
    }
}
