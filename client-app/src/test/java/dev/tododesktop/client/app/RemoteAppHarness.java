package dev.tododesktop.client.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.client.api.ApiResult;
import dev.tododesktop.client.api.TaskApi;
import dev.tododesktop.client.api.TaskQuery;
import dev.tododesktop.client.api.TodoApiClient;
import dev.tododesktop.client.keychain.SessionOnlyStore;
import dev.tododesktop.client.testing.CuttableTcpProxy;
import dev.tododesktop.contract.auth.LoginRequest;
import dev.tododesktop.contract.tasks.TaskList;
import dev.tododesktop.server.TodoServer;
import dev.tododesktop.server.config.PasswordHashing;
import dev.tododesktop.server.config.ServerConfig;
import dev.tododesktop.store.tasks.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole desktop app set to a remote server (the real one, on loopback) that it reaches through
 * a {@link CuttableTcpProxy}, so a test can take its network away; plus "the phone": an API client
 * talking to the server directly, as a second device of the same account.
 */
final class RemoteAppHarness implements AutoCloseable {

    static final String PASSWORD = "correct horse battery";
    /** Generous: rounds retry with backoff (up to 60 s) while offline; these are deadlines, not expectations. */
    static final Duration DEADLINE = Duration.ofSeconds(90);

    final FxRobot robot = new FxRobot();
    final Path data;
    final Path config;
    final TodoServer server;
    final CuttableTcpProxy network;
    private javafx.application.Application app;

    RemoteAppHarness() throws Exception {
        data = Files.createTempDirectory("todo-e2e-data");
        config = Files.createTempDirectory("todo-e2e-config");
        server = TodoServer.start(ServerConfig.embedded(data.resolve("remote-server"))
                .withPasswordHashing(PasswordHashing.forTestsOnly()));
        network = new CuttableTcpProxy(server.baseUri());
        Files.writeString(config.resolve("settings.properties"), "server=" + network.uri() + "\n");
        FxToolkit.registerPrimaryStage();
    }

    void startApp() throws Exception {
        app = FxToolkit.setupApplication(TodoDesktopApp.class, "--data-dir=" + data, "--config-dir=" + config);
    }

    void stopApp() throws java.util.concurrent.TimeoutException {
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

    @Override
    public void close() throws java.util.concurrent.TimeoutException {
        try {
            stopApp();
        } finally {
            network.close();
            server.close();
        }
    }

    // --- driving the UI -------------------------------------------------------------------

    void register(String email) {
        waitForUi("the sign-in screen", () -> present("#switchLink"));
        robot.clickOn("#switchLink");
        robot.clickOn("#emailField").write(email);
        robot.clickOn("#passwordField").write(PASSWORD);
        robot.type(KeyCode.ENTER);
        waitForUi("the tasks screen after registering", () -> present("#quickAddField"));
    }

    void signIn(String email) {
        waitForUi("the sign-in screen", () -> present("#emailField"));
        robot.clickOn("#emailField").push(KeyCode.SHORTCUT, KeyCode.A).write(email);
        robot.clickOn("#passwordField").write(PASSWORD);
        robot.type(KeyCode.ENTER);
        waitForUi("the tasks screen after signing in", () -> present("#taskList"));
    }

    void quickAdd(String title) {
        robot.clickOn("#quickAddField").write(title).type(KeyCode.ENTER);
        waitForUi("\"" + title + "\" in the list", () -> shown(title));
    }

    /** Selects the task in the list, as a click would, and gives the list the keyboard. */
    void select(String title) {
        robot.interact(() -> {
            var list = taskList();
            int index = -1;
            for (int i = 0; i < list.getItems().size(); i++) {
                if (list.getItems().get(i).title().equals(title)) {
                    index = i;
                }
            }
            assertThat(index).as("\"%s\" in the list", title).isNotNegative();
            list.requestFocus();
            list.getSelectionModel().select(index);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Space on the selected task: the keyboard way to tick it. */
    void complete(String title) {
        select(title);
        robot.type(KeyCode.SPACE);
        waitForUi("\"" + title + "\" ticked", () -> onScreen(title).completed());
    }

    // --- reading the UI (on the FX thread) ------------------------------------------------

    boolean present(String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    @SuppressWarnings("unchecked")
    ListView<Task> taskList() {
        return robot.lookup("#taskList").queryAs(ListView.class);
    }

    String status() {
        return robot.lookup("#syncStatusLabel").queryAs(Label.class).getText();
    }

    boolean shown(String title) {
        return present("#taskList") && taskList().getItems().stream().anyMatch(t -> t.title().equals(title));
    }

    Task onScreen(String title) {
        return taskList().getItems().stream().filter(t -> t.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("\"" + title + "\" is not on screen"));
    }

    List<String> titlesOnScreen() {
        return taskList().getItems().stream().map(Task::title).toList();
    }

    /** Reads the screen on the FX thread, where its nodes live. */
    <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not read the screen", e);
        }
    }

    /** The sync status line says everything reached the server: online, nothing waiting. */
    boolean synced() {
        String s = status();
        return s != null && s.startsWith("Online") && !s.contains("waiting");
    }

    // --- waiting ----------------------------------------------------------------------------

    /** Polls {@code condition} on the FX thread until it holds; fails after {@link #DEADLINE}, saying what the status line said. */
    void waitForUi(String what, Supplier<Boolean> condition) {
        poll(what, () -> onFx(condition::get));
    }

    /** Polls {@code condition} on this (test) thread, for checks that go to the network. */
    void waitFor(String what, Supplier<Boolean> condition) {
        poll(what, condition);
    }

    private void poll(String what, Supplier<Boolean> condition) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            WaitForAsyncUtils.waitForFxEvents();
            if (Boolean.TRUE.equals(condition.get())) {
                return;
            }
            if (System.nanoTime() > end) {
                String lastStatus = onFx(() -> present("#syncStatusLabel") ? status() : "(no status line on screen)");
                throw new AssertionError("not within " + DEADLINE.toSeconds() + " s: " + what
                        + "; the status line says: " + lastStatus);
            }
            sleep(100);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    // --- the second device --------------------------------------------------------------------

    /** Another device of the same account, talking to the server directly (never through the cut network). */
    TodoApiClient phone(String email) {
        var phone = TodoApiClient.builder(server.baseUri(), new SessionOnlyStore("phone")).deviceName("phone").build();
        var login = phone.login(new LoginRequest(email, PASSWORD, null));
        assertThat(login.isOk()).as("the phone signs in: %s", login).isTrue();
        return phone;
    }

    /** Every task the server holds for the phone's user. */
    static List<dev.tododesktop.contract.tasks.Task> serverTasks(TodoApiClient phone) {
        ApiResult<TaskList> list = TaskApi.of(phone).list(TaskQuery.all());
        if (!(list instanceof ApiResult.Ok<TaskList>(TaskList tasks))) {
            throw new AssertionError("the phone could not list the tasks: " + list);
        }
        return tasks.items();
    }

    static List<String> serverTitles(TodoApiClient phone) {
        return serverTasks(phone).stream().map(dev.tododesktop.contract.tasks.Task::title).toList();
    }

    static dev.tododesktop.contract.tasks.Task serverTask(TodoApiClient phone, String title) {
        return serverTasks(phone).stream().filter(t -> t.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("the server has no \"" + title + "\""));
    }
}
