package dev.tododesktop.client.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.client.api.TaskApi;
import dev.tododesktop.store.tasks.Task;
import dev.tododesktop.client.api.TodoApiClient;
import dev.tododesktop.client.keychain.SessionOnlyStore;
import dev.tododesktop.contract.auth.LoginRequest;
import dev.tododesktop.contract.tasks.CreateTaskRequest;
import dev.tododesktop.server.TodoServer;
import dev.tododesktop.server.config.ServerConfig;
import java.nio.file.Files;
import java.util.Optional;
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

    Optional<TodoServer> remoteServer = Optional.empty();

    @BeforeEach
    void launch() throws Exception {
        data = Files.createTempDirectory("todo-e2e-data");
        config = Files.createTempDirectory("todo-e2e-config");
        FxToolkit.registerPrimaryStage();
    }

    private void startApp() throws Exception {
        app = FxToolkit.setupApplication(TodoDesktopApp.class, "--data-dir=" + data, "--config-dir=" + config);
    }

    private void stopApp() throws Exception {
        // A failed test's stages must go even if stopping the app throws, or they stay under the next test's robot.
        try {
            if (app != null) {
                FxToolkit.cleanupApplication(app);
            }
        } finally {
            app = null;
            FxToolkit.cleanupStages();
        }
    }

    @AfterEach
    void close() throws Exception {
        stopApp();
        remoteServer.ifPresent(TodoServer::close);
    }

    private void register(String email) throws Exception {
        waitUntil(() -> present("#switchLink"));
        robot.clickOn("#switchLink");
        robot.clickOn("#emailField").write(email);
        robot.clickOn("#passwordField").write("correct horse battery");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> present("#quickAddField"));
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
        startApp();
        register("ada@example.com");
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

        robot.clickOn("#emailField").push(KeyCode.SHORTCUT, KeyCode.A).write("ada@example.com");
        robot.clickOn("#passwordField").write("correct horse battery");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> present("#taskList") && taskList().getItems().size() == 2);
        assertThat(taskList().getItems()).extracting(Task::title).containsExactly("Buy milk", "Walk the dog");
        assertThat(taskList().getItems().getFirst().completed()).isTrue();
    }

    private void signOutKeepingChanges() throws Exception {
        robot.clickOn("#signOutButton");
        waitUntil(() -> robot.lookup("Keep for later").tryQuery().isPresent() || present("#emailField"));
        if (robot.lookup("Keep for later").tryQuery().isPresent()) {
            robot.clickOn("Keep for later");
        }
        waitUntil(() -> present("#emailField"));
    }

    private void signIn(String email, String password) {
        robot.clickOn("#emailField").push(KeyCode.SHORTCUT, KeyCode.A).write(email);
        robot.clickOn("#passwordField").push(KeyCode.SHORTCUT, KeyCode.A).write(password);
        robot.type(KeyCode.ENTER);
    }

    private String emailFieldText() {
        return robot.lookup("#emailField").queryAs(javafx.scene.control.TextField.class).getText();
    }

    /**
     * The sign-in screen offers the last account here and gets its tasks ready while the password
     * is typed; they show only after the server has said that very account signed in. A wrong
     * password, or someone else signing in, never sees them.
     */
    @Test
    void theLastAccountsTasksShowOnlyAfterItsOwnSignIn() throws Exception {
        startApp();
        register("ada@example.com");
        robot.clickOn("#quickAddField").write("Ada's secret").type(KeyCode.ENTER);
        waitUntil(() -> taskList().getItems().size() == 1);
        signOutKeepingChanges();
        assertThat(emailFieldText()).as("offered: the last account's email").isEqualTo("ada@example.com");

        signIn("ada@example.com", "not the password");
        waitUntil(() -> robot.lookup("#formError").queryAs(Label.class).getText().startsWith("Wrong email or password"));
        assertThat(robot.lookup("#taskList").tryQuery()).as("no tasks screen after a wrong password").isEmpty();

        robot.clickOn("#switchLink");
        robot.clickOn("#emailField").push(KeyCode.SHORTCUT, KeyCode.A).write("grace@example.com");
        robot.clickOn("#passwordField").push(KeyCode.SHORTCUT, KeyCode.A).write("another good password");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> present("#quickAddField") && robot.lookup("#userLabel").queryAs(Label.class).getText().equals("grace@example.com"));
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS); // time for a wrong screen to show, were it to
        assertThat(taskList().getItems()).as("Grace's list").isEmpty();
        assertThat(robot.lookup("Ada's secret").tryQuery()).isEmpty();
        assertThat(robot.lookup("Sample 0").tryQuery()).as("the rows built ahead on sample tasks show none of them").isEmpty();

        signOutKeepingChanges();
        assertThat(emailFieldText()).isEqualTo("grace@example.com");
        signIn("ada@example.com", "correct horse battery");
        waitUntil(() -> present("#taskList") && taskList().getItems().size() == 1);
        assertThat(taskList().getItems()).extracting(Task::title).containsExactly("Ada's secret");
        assertThat(robot.lookup("#userLabel").queryAs(Label.class).getText()).isEqualTo("ada@example.com");

        // Offered again after a restart (where no keychain resumed the login), and forgotten with the device.
        stopApp();
        startApp();
        waitUntil(() -> present("#emailField") || present("#taskList"));
        if (present("#emailField")) {
            assertThat(emailFieldText()).isEqualTo("ada@example.com");
            signIn("ada@example.com", "correct horse battery");
            waitUntil(() -> present("#taskList") && taskList().getItems().size() == 1);
        }
        robot.clickOn("Account");
        robot.clickOn("Forget this device…");
        // Fired rather than clicked: the confirmation closes on the click, and the headless
        // platform's robot then has no active window to release the mouse button in.
        waitUntil(() -> robot.lookup("OK").tryQuery().isPresent());
        robot.interactNoWait(() -> robot.lookup("OK").queryButton().fire());
        waitUntil(() -> present("#emailField"));
        assertThat(emailFieldText()).as("forgotten with the device").isEmpty();
    }

    /**
     * The app set to a remote server (the settings file names it), and a second device (an API
     * client) adding a task there: the app's sync engine hears the event and the task appears.
     */
    @Test
    void aSecondDevicesChangeAppearsLive() throws Exception {
        var server = TodoServer.start(ServerConfig.embedded(data.resolve("remote-server")));
        remoteServer = Optional.of(server);
        Files.writeString(config.resolve("settings.properties"), "server=" + server.baseUri() + "\n");
        startApp();
        register("grace@example.com");
        waitUntil(() -> robot.lookup("#syncStatusLabel").queryAs(Label.class).getText().startsWith("Online"));

        try (var phone = TodoApiClient.builder(server.baseUri(), new SessionOnlyStore("phone")).deviceName("phone").build()) {
            assertThat(phone.login(new LoginRequest("grace@example.com", "correct horse battery", null)).isOk()).isTrue();
            var created = TaskApi.of(phone).create(new CreateTaskRequest(null, "Added on the phone", null, null, null, null, null));
            assertThat(created.isOk()).as("created on the phone: %s", created).isTrue();
        }
        waitUntil(() -> taskList().getItems().stream().anyMatch(t -> t.title().equals("Added on the phone")));
    }

    /** Remembered login needs the OS keychain; CI provides one (see .ci/run), elsewhere it may be absent. */
    @Test
    void theNextStartOpensStraightToTheTasks() throws Exception {
        boolean keychain = "true".equals(System.getenv("CI")) || System.getenv("DBUS_SESSION_BUS_ADDRESS") != null;
        org.junit.jupiter.api.Assumptions.assumeTrue(keychain,
                "No D-Bus session bus and CI is not \"true\": no keychain to remember the login in");
        startApp();
        register("linus@example.com");
        waitUntil(() -> robot.lookup("#syncStatusLabel").queryAs(Label.class).getText().startsWith("Online"));
        robot.clickOn("#quickAddField").write("Remember me").type(KeyCode.ENTER);
        waitUntil(() -> taskList().getItems().size() == 1);

        stopApp();
        startApp();
        waitUntil(() -> present("#taskList") && taskList().getItems().size() == 1);
        assertThat(present("#emailField")).isFalse();
        assertThat(robot.lookup("#userLabel").queryAs(Label.class).getText()).isEqualTo("linus@example.com");
    }
}
