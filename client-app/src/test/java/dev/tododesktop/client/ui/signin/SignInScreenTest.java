package dev.tododesktop.client.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.client.account.AuthOutcome;
import dev.tododesktop.client.ui.Theme;
import dev.tododesktop.client.ui.ViewLoader;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real FXML, controller and view model on JavaFX's headless platform, driven by a robot. */
@ExtendWith(ApplicationExtension.class)
class SignInScreenTest {

    final ScriptedAccounts accounts = new ScriptedAccounts();
    final List<AuthOutcome.SignedIn> signedIn = new ArrayList<>();

    @Start
    void start(Stage stage) {
        var model = new SignInViewModel(accounts, Platform::runLater, signedIn::add);
        var scene = new Scene(new ViewLoader().load(dev.tododesktop.client.ui.FxmlFile.SIGN_IN, new SignInController(model)), 480, 560);
        Theme.LIGHT.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void typingAndPressingEnterSignsInAndShowsWrongCredentials(FxRobot robot) {
        robot.clickOn("#emailField").write("ada@example.com");
        robot.clickOn("#passwordField").write("not my password");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(accounts.calls).hasSize(1);
        assertThat(robot.lookup("#submitButton").queryAs(Button.class).isDisabled()).isTrue();

        accounts.last().answer().complete(new AuthOutcome.WrongCredentials());
        WaitForAsyncUtils.waitForFxEvents();

        var formError = robot.lookup("#formError").queryAs(Label.class);
        assertThat(formError.isVisible()).isTrue();
        assertThat(formError.getText()).isEqualTo("Wrong email or password.");
        assertThat(robot.lookup("#passwordField").queryAs(javafx.scene.control.PasswordField.class).isFocused()).isTrue();
    }

    @Test
    void switchingToRegisterShowsTheNameFieldAndThePasswordRules(FxRobot robot) {
        assertThat(robot.lookup("#nameGroup").query().isVisible()).isFalse();
        robot.clickOn("#switchLink");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#nameGroup").query().isVisible()).isTrue();
        assertThat(robot.lookup("#submitButton").queryAs(Button.class).getText()).isEqualTo("Create account");
        assertThat(robot.lookup(".field-hint").queryAs(Label.class).getText()).contains("At least 8 characters");
    }
}
