package dev.tododesktop.client.ui.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.client.api.TodoApiClient;
import dev.tododesktop.client.keychain.SessionOnlyStore;
import dev.tododesktop.client.testing.RealServer;
import dev.tododesktop.client.testing.Truncation;
import dev.tododesktop.client.ui.FxmlFile;
import dev.tododesktop.client.ui.Theme;
import dev.tododesktop.client.ui.ViewLoader;
import dev.tododesktop.contract.auth.LoginRequest;
import dev.tododesktop.contract.auth.RegisterRequest;
import java.nio.file.Files;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The account window against the real server, at the size the app opens it: its device rows
 * fit (no horizontal scrollbar, nothing cut short, even for a long device name), and the
 * password form does not move when its messages appear.
 */
@ExtendWith(ApplicationExtension.class)
class AccountScreenTest {

    static final String EMAIL = "ada@example.com";
    static final String PASSWORD = "correct horse battery";

    static RealServer server;
    static TodoApiClient laptop;
    static TodoApiClient phone;
    AccountViewModel model;
    Scene scene;

    /** Before the FX set-up, which has a deadline a busy machine could miss while the server starts. */
    @org.junit.jupiter.api.BeforeAll
    static void twoDevicesSignedIn() throws Exception {
        server = new RealServer(Files.createTempDirectory("todo-account-screen"));
        laptop = TodoApiClient.builder(server.baseUri(), new SessionOnlyStore("laptop"))
                .deviceName("Ada's ThinkPad X1 Carbon (work laptop, third floor)").build();
        assertThat(laptop.register(new RegisterRequest(EMAIL, PASSWORD, "Ada", null)).isOk()).isTrue();
        phone = TodoApiClient.builder(server.baseUri(), new SessionOnlyStore("phone")).deviceName("Pixel 9").build();
        assertThat(phone.login(new LoginRequest(EMAIL, PASSWORD, null)).isOk()).isTrue();
    }

    @Start
    void start(Stage stage) {
        model = new AccountViewModel(laptop, EMAIL, Executors.newSingleThreadExecutor(), Platform::runLater, () -> { }, () -> { });
        // The size Windows.Secondary.ACCOUNT opens at.
        scene = new Scene(new ViewLoader().load(FxmlFile.ACCOUNT, new AccountController(model)), 560, 600);
        Theme.LIGHT.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @org.junit.jupiter.api.AfterAll
    static void stop() {
        laptop.close();
        phone.close();
        server.close();
    }

    @Test
    void theDeviceRowsFitAndNothingIsCutShort(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.sessions().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            assertThat(Truncation.ellipsised(scene)).as("cut short in the account window").isEmpty();
            var list = robot.lookup("#sessionList").queryAs(ListView.class);
            var horizontal = list.lookupAll(".scroll-bar").stream().map(ScrollBar.class::cast)
                    .filter(bar -> bar.getOrientation() == Orientation.HORIZONTAL && bar.isVisible()).toList();
            assertThat(horizontal).as("a horizontal scrollbar under the device rows").isEmpty();
        });
    }

    @Test
    void thePasswordFormDoesNotMoveWhenItsMessagesAppear(FxRobot robot) {
        double before = buttonY(robot);
        robot.clickOn("#newPasswordField").write("short");
        robot.clickOn("#changePasswordButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.currentPasswordErrorProperty().get()).isNotEmpty();
        assertThat(model.newPasswordErrorProperty().get()).isNotEmpty();
        assertThat(buttonY(robot)).isEqualTo(before);
    }

    private double buttonY(FxRobot robot) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> {
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                var button = robot.lookup("#changePasswordButton").query();
                return button.localToScene(button.getBoundsInLocal()).getMinY();
            }).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
