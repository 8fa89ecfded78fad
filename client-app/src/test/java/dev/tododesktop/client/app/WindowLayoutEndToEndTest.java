package dev.tododesktop.client.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.client.testing.Truncation;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: at the default size the header read "…", "Se…", "Ac…", "Dark t…", "Si…", and offline
 * the status text pushed the buttons down to "…". The real app, laid out at its default size and
 * at 800×600, online and then offline with changes waiting: no label or button is cut short and
 * nothing in the header is pushed out of the window.
 */
class WindowLayoutEndToEndTest extends RemoteAppTestBase {

    @Test
    void nothingIsCutShortAtTheDefaultSizeOr800x600OnlineAndOffline() throws Exception {
        app.register("layout@example.com");
        app.quickAdd("Renew passport");
        app.quickAdd("Call the plumber about the leak");
        app.waitForUi("synced", app::synced);
        app.select("Renew passport");
        app.waitForUi("the detail pane", () -> app.present("#detailPane"));

        double[] defaultSize = app.onFx(() -> new double[] {scene().getWidth(), scene().getHeight()});
        checkAt(defaultSize[0], defaultSize[1], "online");
        checkAt(800, 600, "online");

        app.network.cut();
        app.waitForUi("the app to notice it is offline", () -> app.status().startsWith("Offline"));
        app.quickAdd("Written offline");
        app.waitForUi("offline with a change waiting", () -> app.status().startsWith("Offline")
                && app.status().contains("1 change waiting"));
        checkAt(800, 600, "offline");
        checkSyncDetails();
        checkAt(defaultSize[0], defaultSize[1], "offline");
    }

    /** The indicator's popover, with the most it says (offline, waiting, why), fits too. */
    private void checkSyncDetails() {
        app.robot.clickOn("#syncIndicator");
        app.waitForUi("the sync details", () -> app.present("#syncSummary"));
        app.onFx(() -> {
            var details = app.robot.lookup("#syncSummary").query().getScene();
            assertThat(Truncation.ellipsised(details)).as("cut short in the sync details").isEmpty();
            return null;
        });
        app.robot.type(javafx.scene.input.KeyCode.ESCAPE);
        app.waitForUi("the sync details closed", () -> !app.present("#syncSummary"));
    }

    private Scene scene() {
        return app.robot.lookup("#taskList").query().getScene();
    }

    private void checkAt(double width, double height, String state) {
        app.robot.interact(() -> {
            var window = (Stage) scene().getWindow();
            window.setWidth(width);
            window.setHeight(height);
        });
        app.waitForUi("the window at " + width + "×" + height, () ->
                Math.abs(scene().getWidth() - width) < 1 && Math.abs(scene().getHeight() - height) < 1);
        app.onFx(() -> {
            var scene = scene();
            assertThat(Truncation.ellipsised(scene)).as("cut short at %s×%s, %s", width, height, state).isEmpty();
            assertThat(Truncation.outsideTheWindow(scene, "shell-header")).as("header items outside the window at %s×%s, %s",
                    width, height, state).isEmpty();
            return null;
        });
    }
}
