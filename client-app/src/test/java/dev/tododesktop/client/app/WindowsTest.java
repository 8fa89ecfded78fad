package dev.tododesktop.client.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.client.testing.Truncation;
import dev.tododesktop.client.ui.Theme;
import dev.tododesktop.client.ui.ViewLoader;
import dev.tododesktop.client.ui.settings.SettingsController;
import dev.tododesktop.client.ui.settings.SettingsViewModel;
import dev.tododesktop.client.ui.shell.UnsyncedChangesDialog;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 11: the unsynced-changes dialog opened at the screen's top-left with "Discard cha…".
 * Secondary windows and dialogs open over the middle of the main window, fit their buttons,
 * and close with Esc; a window already open comes to the front instead of opening twice.
 */
@ExtendWith(ApplicationExtension.class)
class WindowsTest {

    static final SettingsViewModel.Servers NO_SWITCH = new SettingsViewModel.Servers() {
        @Override
        public java.util.concurrent.CompletableFuture<Optional<String>> leftBehind(Optional<java.net.URI> target) {
            return java.util.concurrent.CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public void switchTo(Optional<java.net.URI> target) { }
    };

    Stage main;
    Windows windows;

    @Start
    void start(Stage stage) {
        main = stage;
        windows = new Windows(stage, new ViewLoader(), Theme.LIGHT, new javafx.scene.layout.StackPane(new Label("main")));
        stage.setTitle("Todo");
        stage.setX(160);
        stage.setY(90);
        stage.setWidth(1000);
        stage.setHeight(700);
        stage.show();
    }

    private Stage openSettings(FxRobot robot) {
        return onFx(() -> windows.open(Windows.Secondary.SETTINGS, "Settings",
                () -> new SettingsController(new SettingsViewModel(Optional.empty(), Runnable::run, Runnable::run, NO_SWITCH))));
    }

    @Test
    void aSecondaryWindowOpensOnceCentredOnTheMainOneAndEscClosesIt(FxRobot robot) {
        Stage settings = openSettings(robot);
        WaitForAsyncUtils.waitForFxEvents();
        assertCentred(settings);
        assertThat(openSettings(robot)).as("opened again: the same window").isSameAs(settings);

        robot.clickOn("#remoteUrlField");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(settings.isShowing()).as("closed by Esc").isFalse();
        assertThat(openSettings(robot)).as("a new window once closed").isNotSameAs(settings);
    }

    @Test
    void theUnsyncedChangesDialogOpensCentredWithItsButtonsWhole(FxRobot robot) {
        robot.interact(() -> UnsyncedChangesDialog.ask(main));
        WaitForAsyncUtils.waitForFxEvents();
        Window dialog = onFx(() -> Window.getWindows().stream().filter(w -> w != main && w.isShowing()).findFirst().orElseThrow());
        assertCentred(dialog);
        assertThat(onFx(() -> Truncation.ellipsised(dialog.getScene()))).as("cut short in the dialog").isEmpty();
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog.isShowing()).isFalse();
    }

    private void assertCentred(Window window) {
        double[] centres = onFx(() -> new double[] {
                window.getX() + window.getWidth() / 2, window.getY() + window.getHeight() / 2,
                main.getX() + main.getWidth() / 2, main.getY() + main.getHeight() / 2});
        assertThat(centres[0]).as("horizontal centre").isCloseTo(centres[2], org.assertj.core.data.Offset.offset(2.0));
        assertThat(centres[1]).as("vertical centre").isCloseTo(centres[3], org.assertj.core.data.Offset.offset(2.0));
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
