package dev.tododesktop.client.app.training;

import dev.tododesktop.client.app.Main;
import dev.tododesktop.client.keychain.CredentialStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

/**
 * The build's training run for JDK 25's ahead-of-time cache: the real app, in throwaway
 * directories and without the OS keychain, goes through what a person does first — the sign-in
 * screen, creating an account, the task list, adding, searching — then exits, and the JVM
 * ({@code -XX:AOTCacheOutput}) writes down the classes it loaded and linked and the profiles it
 * gathered. The launcher starts with that cache, which halves the time to the first screen.
 * Exits non-zero when the script fails, so a build never ships a cache trained on an error path.
 */
public final class StartupTraining {

    private static final int TASKS = 60;
    // No step leaves the screen unchanged this long while it works, however busy the machine:
    // each row added, each re-read list, each screen switch is a change.
    private static final Duration QUIET = Duration.ofSeconds(30);
    private static final Duration PATIENCE = Duration.ofMinutes(4);

    private StartupTraining() {}

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("todo-aot-training");
        System.setProperty(CredentialStores.KEYCHAIN_PROPERTY, CredentialStores.NONE);
        var script = new ScreenScript(QUIET, PATIENCE);
        var outcome = CompletableFuture.runAsync(() -> train(script),
                task -> Thread.ofPlatform().daemon(true).name("aot-training").start(task));
        outcome.whenComplete((ok, error) -> Platform.exit());
        Main.run(new String[] {"--data-dir=" + dir.resolve("data"), "--config-dir=" + dir.resolve("config")});
        int status = 0;
        try {
            outcome.join();
            System.out.println("Start-up training finished");
        } catch (RuntimeException e) {
            // The build quotes this line as the reason; the trace below it is for the log.
            Throwable why = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
            System.err.println("Start-up training failed: " + why.getMessage());
            e.printStackTrace();
            status = 1;
        } finally {
            deleteQuietly(dir);
        }
        System.exit(status);
    }

    private static void train(ScreenScript script) {
        script.awaitToolkit();
        Hyperlink toRegister = script.await("#switchLink", Hyperlink.class);
        script.run(toRegister::fire);
        TextField name = script.await("#nameField", TextField.class);
        script.run(() -> {
            name.setText("Training Run");
            ((TextField) name.getScene().lookup("#emailField")).setText("training@example.invalid");
            ((PasswordField) name.getScene().lookup("#passwordField")).setText("ahead-of-time-Training-42");
        });
        Button submit = script.await("#submitButton", Button.class, button -> !button.isDisabled());
        script.run(submit::fire);

        @SuppressWarnings("unchecked")
        ListView<Object> list = script.await("#taskList", ListView.class);
        TextField quickAdd = script.await("#quickAddField", TextField.class);
        for (int i = 0; i < TASKS; i++) {
            String title = "Training task " + i;
            script.run(() -> {
                quickAdd.setText(title);
                quickAdd.fireEvent(new ActionEvent());
            });
        }
        script.awaitTrue(TASKS + " tasks listed", () -> list.getItems().size() == TASKS, () -> rows(list));
        script.run(() -> list.getSelectionModel().select(3));
        TextField search = script.await("#searchField", TextField.class);
        script.run(() -> search.setText("task 1"));
        script.awaitTrue("search applied", () -> list.getItems().size() < TASKS, () -> rows(list));
        script.run(() -> search.setText(""));
        script.awaitTrue("search cleared", () -> list.getItems().size() == TASKS, () -> rows(list));
    }

    private static String rows(ListView<?> list) {
        return list.getItems().size() + " of " + TASKS + " rows listed";
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + dir + ": " + e.getMessage());
        }
    }
}
