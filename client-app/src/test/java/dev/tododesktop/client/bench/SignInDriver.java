package dev.tododesktop.client.bench;

import dev.tododesktop.client.app.Main;
import dev.tododesktop.client.app.training.ScreenScript;
import dev.tododesktop.client.keychain.CredentialStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

/**
 * Runs in the desktop benchmark's child JVM: the real app, pointed at the benchmark's server,
 * signs in as a person would and reports how long it took from the click to the full list laid
 * out on screen, and the longest time the FX thread kept queued work waiting meanwhile (the
 * first sign-in on a device includes syncing every task). Arguments: server URL, email,
 * password, data dir, config dir, expected task count.
 */
public final class SignInDriver {

    private SignInDriver() {}

    public static void main(String[] args) throws Exception {
        String server = args[0];
        Path configDir = Path.of(args[4]);
        int expected = Integer.parseInt(args[5]);
        Files.createDirectories(configDir);
        Path settings = configDir.resolve("settings.properties");
        if (!Files.exists(settings)) { // a device's second run keeps what the app remembered in its first
            Files.writeString(settings, "server=" + server + "\n");
        }
        System.setProperty(CredentialStores.KEYCHAIN_PROPERTY, CredentialStores.NONE);
        var script = new ScreenScript(Duration.ofSeconds(120));
        Thread.ofPlatform().daemon().start(() -> {
            int status = 0;
            try {
                drive(script, args[1], args[2], expected);
            } catch (RuntimeException e) {
                e.printStackTrace();
                status = 1;
            }
            System.exit(status); // the measurement is printed; no need to wait for a clean stop
        });
        Main.run(new String[] {"--data-dir=" + args[3], "--config-dir=" + args[4]});
    }

    private static void drive(ScreenScript script, String email, String password, int expected) {
        script.awaitToolkit();
        TextField emailField = script.await("#emailField", TextField.class);
        script.run(() -> {
            emailField.setText(email);
            ((PasswordField) emailField.getScene().lookup("#passwordField")).setText(password);
        });
        Button submit = script.await("#submitButton", Button.class, b -> !b.isDisabled());
        var monitor = new StallMonitor();
        monitor.start();
        // A person needs this long for the password; the app gets the last account's tasks ready meanwhile.
        sleep(Long.getLong("bench.typingMs", 1_500));
        long stallWhileTyping = monitor.takeLongest();
        long fxThread = script.onFx(() -> Thread.currentThread().threadId());
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long fxCpuBefore = threads.getThreadCpuTime(fxThread);
        long clicked = System.nanoTime();
        script.run(submit::fire);
        long screen = 0;
        long shown = 0;
        long stallUntilScreen = 0;
        while (shown == 0) {
            if (screen == 0 && script.onFx(SignInDriver::screenShows)) {
                screen = System.nanoTime();
                stallUntilScreen = monitor.takeLongest();
            }
            if (script.onFx(() -> listShows(expected)) && script.onFx(SignInDriver::nextLayoutPulse).join() != null) {
                shown = System.nanoTime();
            } else {
                sleep(2);
            }
        }
        long fxCpuShown = threads.getThreadCpuTime(fxThread);
        sleep(1_000); // whatever the sync still does right after the list shows
        monitor.stop();
        // CPU time of the FX thread says how much work it did, whatever else the machine was doing.
        if (screen == 0) {
            stallUntilScreen = monitor.takeLongest();
        }
        System.out.printf("RESULT sign-in-to-list-ms=%d longest-fx-stall-ms=%.1f fx-cpu-ms=%d switch-stall-ms=%.1f typing-stall-ms=%.1f%n",
                (shown - clicked) / 1_000_000, monitor.takeLongest() / 1e6, (fxCpuShown - fxCpuBefore) / 1_000_000,
                stallUntilScreen / 1e6, stallWhileTyping / 1e6);
    }

    /** The tasks screen is on the window (its list may still be empty while the first sync runs). */
    private static boolean screenShows() {
        return javafx.stage.Window.getWindows().stream()
                .filter(w -> w.getScene() != null)
                .anyMatch(w -> w.getScene().getRoot().lookup("#taskList") != null);
    }

    /**
     * Completes after the window's next layout pulse: a list the app laid out in a scene of its own
     * before the window took it counts once the window has laid it out and sent it to be painted.
     */
    private static java.util.concurrent.CompletableFuture<Boolean> nextLayoutPulse() {
        var done = new java.util.concurrent.CompletableFuture<Boolean>();
        var scene = javafx.stage.Window.getWindows().stream().filter(w -> w.getScene() != null).findFirst().orElseThrow().getScene();
        Runnable once = new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                done.complete(true);
            }
        };
        scene.addPostLayoutPulseListener(once);
        Platform.requestNextPulse();
        return done;
    }

    /** The full list is in the view and its visible rows are filled: it has been laid out. */
    private static boolean listShows(int expected) {
        return javafx.stage.Window.getWindows().stream()
                .filter(w -> w.getScene() != null)
                .map(w -> w.getScene().getRoot().lookup("#taskList"))
                .filter(ListView.class::isInstance)
                .map(ListView.class::cast)
                .anyMatch(list -> list.getItems().size() == expected
                        && list.lookupAll(".task-cell").stream()
                                .anyMatch(cell -> cell instanceof ListCell<?> c && c.getItem() != null));
    }

    /** Posts work to the FX thread every 2 ms and keeps the longest wait before it ran. */
    private static final class StallMonitor {
        private final AtomicLong longest = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private Thread thread;

        void start() {
            thread = Thread.ofPlatform().daemon().start(() -> {
                while (running.get()) {
                    long posted = System.nanoTime();
                    var ran = new CountDownLatch(1);
                    Platform.runLater(() -> {
                        longest.accumulateAndGet(System.nanoTime() - posted, Math::max);
                        ran.countDown();
                    });
                    try {
                        ran.await();
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        void stop() {
            running.set(false);
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The longest wait since the last call. */
        long takeLongest() {
            return longest.getAndSet(0);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
