package dev.tododesktop.client.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.client.api.TodoApiClient;
import dev.tododesktop.client.keychain.SessionOnlyStore;
import dev.tododesktop.contract.auth.LoginRequest;
import dev.tododesktop.server.TodoServer;
import dev.tododesktop.server.config.PasswordHashing;
import dev.tododesktop.server.config.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 11: the server is chosen from the sign-in screen, the switch applies at once, the
 * sign-in screen says which server it talks to, the tasks left on this computer are named
 * before switching, and going back to this computer's server finds them again.
 */
class ServerSwitchEndToEndTest {

    static final String PASSWORD = "correct horse battery";

    final FxRobot robot = new FxRobot();
    Path data;
    Path config;
    TodoServer remote;
    javafx.application.Application app;

    @BeforeEach
    void launch() throws Exception {
        data = Files.createTempDirectory("todo-switch-data");
        config = Files.createTempDirectory("todo-switch-config");
        remote = TodoServer.start(ServerConfig.embedded(data.resolve("remote-server"))
                .withPasswordHashing(PasswordHashing.forTestsOnly()));
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(TodoDesktopApp.class, "--data-dir=" + data, "--config-dir=" + config);
    }

    @AfterEach
    void close() throws Exception {
        try {
            FxToolkit.cleanupApplication(app);
        } finally {
            FxToolkit.cleanupStages();
            remote.close();
        }
    }

    @Test
    void switchingServersFromTheSignInScreenAndBackKeepsTheTasksLeftHere() throws Exception {
        waitUntil(() -> serverLine().equals("Server: this computer"));
        register("ada@example.com");
        robot.clickOn("#quickAddField").write("Kept on this computer").type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("Kept on this computer").tryQuery().isPresent());
        signOut();

        // To the remote server: first what stays behind, then the switch.
        switchTo(remote.baseUri().toString());
        waitUntil(() -> message().startsWith("The tasks of ada@example.com on this computer belong to this computer"));
        assertThat(message()).contains("will not have them");
        robot.clickOn("Switch anyway");
        waitUntil(() -> present("#emailField") && serverLine().equals("Server: 127.0.0.1:" + remote.port()));
        assertThat(robot.lookup("#settingsMessage").tryQuery()).as("the settings closed").isEmpty();

        register("grace@example.com");
        waitUntil(() -> present("#taskList"));
        assertThat(robot.lookup("Kept on this computer").tryQuery()).as("this computer's tasks are not on the remote").isEmpty();
        try (var phone = TodoApiClient.builder(remote.baseUri(), new SessionOnlyStore("phone")).build()) {
            assertThat(phone.login(new LoginRequest("grace@example.com", PASSWORD, null)).isOk())
                    .as("the account was made on the remote server").isTrue();
        }
        signOut();

        // And back: always possible, no check needed; Ada's tasks are where she left them.
        robot.clickOn("#changeServerLink");
        waitUntil(() -> present("#thisComputerChoice"));
        robot.clickOn("#thisComputerChoice");
        robot.clickOn("#applySettingsButton");
        waitUntil(() -> message().startsWith("The tasks of grace@example.com on this computer belong to 127.0.0.1"));
        robot.clickOn("Switch anyway");
        waitUntil(() -> present("#emailField") && serverLine().equals("Server: this computer"));
        robot.clickOn("#emailField").push(KeyCode.SHORTCUT, KeyCode.A).write("ada@example.com");
        robot.clickOn("#passwordField").write(PASSWORD);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("Kept on this computer").tryQuery().isPresent());
    }

    private void switchTo(String url) throws Exception {
        robot.clickOn("#changeServerLink");
        waitUntil(() -> present("#remoteChoice"));
        robot.clickOn("#remoteChoice");
        robot.clickOn("#remoteUrlField").write(url);
        robot.clickOn("#applySettingsButton");
    }

    private void register(String email) throws Exception {
        waitUntil(() -> present("#switchLink"));
        robot.clickOn("#switchLink");
        robot.clickOn("#emailField").push(KeyCode.SHORTCUT, KeyCode.A).write(email);
        robot.clickOn("#passwordField").push(KeyCode.SHORTCUT, KeyCode.A).write(PASSWORD);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> present("#quickAddField"));
    }

    private void signOut() throws Exception {
        RemoteAppHarness.chooseFromAccountMenu(robot, "Sign out");
        waitUntil(() -> robot.lookup("Keep for later").tryQuery().isPresent() || present("#emailField"));
        if (robot.lookup("Keep for later").tryQuery().isPresent()) {
            robot.clickOn("Keep for later");
        }
        waitUntil(() -> present("#emailField"));
    }

    private String serverLine() {
        return robot.lookup("#serverLabel").tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }

    private String message() {
        return robot.lookup("#settingsMessage").tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }

    private boolean present(String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }
}
