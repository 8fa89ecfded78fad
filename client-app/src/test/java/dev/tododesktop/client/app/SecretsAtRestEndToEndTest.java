package dev.tododesktop.client.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import dev.tododesktop.testing.FileModes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The desktop app as it runs on a family computer: started under the common umask 022 in a
 * home directory others may enter (0755, as Debian makes them), with its own logging
 * configuration. After a run, every file and directory it made is owner-only, including
 * SQLite's -wal/-shm, the embedded server's database, the log and the settings; an installation
 * an older version left readable is tightened on start; the log holds no password, token or
 * task text. Where the machine allows it (root with {@code runuser}, as on CI), a second OS
 * account ({@code nobody}) then tries what such an account would: read the files, and forge
 * a token with a key found in the embedded server's database.
 */
class SecretsAtRestEndToEndTest {

    private static final String EMAIL = "ada@example.com";
    private static final String PASSWORD = "correct horse battery";
    private static final String TASK = "Biopsy results on Tuesday";

    final FxRobot robot = new FxRobot();
    Path home;
    Path data;
    Path config;
    javafx.application.Application app;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(FileModes.umaskLetsOthersRead(), "umask " + FileModes.umask() + " would hide the problem");
        home = Files.createTempDirectory("todo-home");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        data = home.resolve(".local/share/todo-desktop");
        config = home.resolve(".config/todo-desktop");
        // What AppLogging does before the app starts: the shipped configuration, logging into the data directory.
        System.setProperty("todo.log.dir", data.resolve("logs").toString());
        configureLogback("todo-desktop-logback.xml");
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            stopApp();
        } finally {
            configureLogback("logback-test.xml");
            System.clearProperty("todo.log.dir");
            if (home != null) {
                try (Stream<Path> all = Files.walk(home)) {
                    for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    @Test
    void afterARunEveryFileIsOwnerOnlyAndTheLogHoldsNoSecret() throws Exception {
        startApp();
        registerAndAddTask();
        stopApp();

        assertThat(FileModes.files(data)).as("what the run left")
                .anyMatch(f -> f.startsWith("users/") && f.endsWith(".db"))
                .contains("server/todo-server.db", "logs/todo-desktop.log");
        assertThat(FileModes.files(config)).contains("settings.properties");
        assertThat(FileModes.openToOthers(data)).as("data directory").isEmpty();
        assertThat(FileModes.openToOthers(config)).as("config directory").isEmpty();

        String log = Files.readString(data.resolve("logs/todo-desktop.log"), StandardCharsets.UTF_8);
        assertThat(log).as("the log").contains("Embedded sync server listening")
                .doesNotContain(PASSWORD).doesNotContain(TASK).doesNotContain("Biopsy");
        assertThat(Pattern.compile("eyJ[A-Za-z0-9_-]{10,}\\.eyJ").matcher(log).find()).as("a JWT in the log").isFalse();
    }

    @Test
    void anInstallationAnOlderVersionLeftReadableIsTightenedOnStart() throws Exception {
        startApp();
        registerAndAddTask();
        stopApp();
        loosen(data);
        loosen(config);
        assertThat(FileModes.openToOthers(data)).as("the starting point").isNotEmpty();

        startApp();
        waitUntil(() -> present("#emailField") || present("#taskList"));
        assertThat(FileModes.openToOthers(data)).isEmpty();
        assertThat(FileModes.openToOthers(config)).isEmpty();
    }

    @Test
    void aSecondOsAccountReadsNoFileAndForgesNoToken() throws Exception {
        var runuser = Stream.of("/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser").map(Path::of)
                .filter(Files::isExecutable).findFirst();
        assumeTrue("root".equals(System.getProperty("user.name")) && runuser.isPresent(),
                "needs root and runuser to act as another account (CI has both)");
        assumeTrue(run(List.of(runuser.get().toString(), "-u", "nobody", "--", "true")).exitCode() == 0, "no user nobody");

        startApp();
        registerAndAddTask();
        var settings = new Properties();
        try (var in = Files.newBufferedReader(config.resolve("settings.properties"))) {
            settings.load(in);
        }
        String userId = settings.getProperty("last_account_id");
        var listening = Pattern.compile("Embedded sync server listening on (http://\\S+)")
                .matcher(Files.readString(data.resolve("logs/todo-desktop.log")));
        assertThat(listening.find()).as("the log names the server's address").isTrue();
        String api = listening.group(1);

        Path forge = home.resolve("Forge.java");
        try (var in = SecretsAtRestEndToEndTest.class.getResourceAsStream("/second-account/Forge.java")) {
            Files.copy(in, forge);
        }
        Files.setPosixFilePermissions(forge, PosixFilePermissions.fromString("rw-r--r--"));

        var cats = new ArrayList<String>();
        for (Path root : List.of(data, config)) {
            try (Stream<Path> all = Files.walk(root)) {
                for (Path file : all.filter(Files::isRegularFile).toList()) {
                    var cat = run(List.of(runuser.get().toString(), "-u", "nobody", "--", "cat", file.toString()));
                    cats.add((cat.exitCode() == 0 ? "READ " : "denied ") + home.relativize(file));
                }
            }
        }
        var attempt = run(List.of(runuser.get().toString(), "-u", "nobody", "--",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-UsePerfData", "-Duser.home=/tmp",
                forge.toString(), data.toString(), config.toString(), api, userId));
        System.out.println("As nobody:\n  " + String.join("\n  ", cats) + "\nForge.java as nobody:\n" + attempt.output());

        assertThat(cats).as("files nobody could read").noneMatch(c -> c.startsWith("READ"));
        assertThat(attempt.output()).as("what nobody's forger got").doesNotContain("FORGED").contains("READ-DENIED");
    }

    private record Result(int exitCode, String output) {}

    private static Result run(List<String> command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return new Result(process.exitValue(), output);
    }

    private static void loosen(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    private void registerAndAddTask() throws Exception {
        waitUntil(() -> present("#switchLink"));
        robot.clickOn("#switchLink");
        robot.clickOn("#emailField").write(EMAIL);
        robot.clickOn("#passwordField").write(PASSWORD);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> present("#quickAddField"));
        robot.clickOn("#quickAddField").write(TASK).type(KeyCode.ENTER);
        waitUntil(() -> taskList().getItems().size() == 1);
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS); // the task reaches the embedded server
    }

    private void startApp() throws Exception {
        app = FxToolkit.setupApplication(TodoDesktopApp.class, "--data-dir=" + data, "--config-dir=" + config);
    }

    private void stopApp() throws Exception {
        try {
            if (app != null) {
                FxToolkit.cleanupApplication(app);
            }
        } finally {
            app = null;
            FxToolkit.cleanupStages();
        }
    }

    private static void configureLogback(String resource) throws Exception {
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        var configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(SecretsAtRestEndToEndTest.class.getClassLoader().getResource(resource));
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
    private ListView<dev.tododesktop.store.tasks.Task> taskList() {
        return robot.lookup("#taskList").queryAs(ListView.class);
    }
}
