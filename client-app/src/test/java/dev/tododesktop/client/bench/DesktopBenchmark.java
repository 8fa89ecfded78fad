package dev.tododesktop.client.bench;

import dev.tododesktop.client.ui.Theme;
import dev.tododesktop.client.ui.ViewLoader;
import dev.tododesktop.client.ui.tasks.TaskEditorViewModel;
import dev.tododesktop.client.ui.tasks.TasksController;
import dev.tododesktop.client.ui.tasks.TasksViewModel;
import dev.tododesktop.store.session.UserStore;
import dev.tododesktop.store.sync.ServerTask;
import dev.tododesktop.store.tasks.Priority;
import dev.tododesktop.store.tasks.Task;
import dev.tododesktop.store.tasks.TaskEdit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;

/**
 * The desktop app's own figures (a main, not a test): cold start to the first screen and idle
 * memory of the real app in a child JVM, and, in this JVM on the headless platform, the time
 * from opening a 10,000-task store to the list on screen and the longest FX-thread stall while
 * 10,000 synced tasks land. The command is in BENCHMARKS.md.
 */
public final class DesktopBenchmark {

    private static final Pattern FIRST_SCREEN = Pattern.compile("First screen \\(([a-z-]+)\\) shown (\\d+) ms after JVM start");

    private DesktopBenchmark() {}

    public static void main(String[] args) throws Exception {
        System.out.printf("# DesktopBenchmark: %d cores, Java %s, %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version(), Instant.now());
        coldStartAndIdleMemory(5);
        inProcess();
        System.exit(0);
    }

    private static void coldStartAndIdleMemory(int runs) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<Long> starts = new ArrayList<>();
        List<Long> rssKb = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Path dir = Files.createTempDirectory("todo-bench-app");
            Path logs = dir.resolve("logs");
            var process = new ProcessBuilder(java, "-Dglass.platform=Headless", "-Dprism.order=sw",
                    "-Dtodo.log.dir=" + logs, "--enable-native-access=ALL-UNNAMED",
                    "-cp", System.getProperty("java.class.path"), "dev.tododesktop.client.app.Main",
                    "--data-dir=" + dir.resolve("data"), "--config-dir=" + dir.resolve("config"))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                Long ms = null;
                while (ms == null && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                    Path log = logs.resolve("todo-desktop.log");
                    if (Files.exists(log)) {
                        var m = FIRST_SCREEN.matcher(Files.readString(log));
                        if (m.find()) {
                            ms = Long.parseLong(m.group(2));
                        }
                    }
                }
                if (ms == null) {
                    throw new IllegalStateException("the app did not show a screen within 60 s; see " + dir);
                }
                starts.add(ms);
                Thread.sleep(5_000); // idle: the embedded server is up, the sign-in screen waits
                for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        rssKb.add(Long.parseLong(line.replaceAll("\\D", "")));
                    }
                }
            } finally {
                process.destroy();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
        starts.sort(null);
        rssKb.sort(null);
        System.out.printf("cold start to the sign-in screen (JVM uptime, %d runs): median %d ms, min %d, max %d%n",
                runs, starts.get(runs / 2), starts.getFirst(), starts.getLast());
        System.out.printf("idle RSS 5 s after the sign-in screen (embedded server running): median %d MB, max %d MB%n",
                rssKb.get(rssKb.size() / 2) / 1024, rssKb.getLast() / 1024);
    }

    private static void inProcess() throws Exception {
        System.setProperty("glass.platform", "Headless");
        System.setProperty("prism.order", "sw");
        var started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.setImplicitExit(false);

        Path dir = Files.createTempDirectory("todo-bench-store");
        Clock clock = Clock.systemUTC();
        ExecutorService io = Executors.newSingleThreadExecutor();
        try (var store = UserStore.open(dir.resolve("user.db"), clock)) {
            store.sync().applyPull(serverTasks(10_000, clock), "c1");

            long t0 = System.nanoTime();
            var shown = new CompletableFuture<Long>();
            Platform.runLater(() -> {
                var model = new TasksViewModel(store, io, Platform::runLater, clock, ZoneId.systemDefault(), () -> { });
                var root = new ViewLoader().load("tasks.fxml", new TasksController(model, new TaskEditorViewModel(model), () -> { }));
                var stage = new Stage();
                var scene = new Scene(root, 980, 660);
                Theme.LIGHT.apply(scene);
                stage.setScene(scene);
                stage.show();
                @SuppressWarnings("unchecked")
                ListView<Task> list = (ListView<Task>) root.lookup("#taskList");
                model.refresh().thenRun(() -> Platform.runLater(() -> {
                    root.applyCss();
                    root.layout();
                    shown.complete(list.getItems().size() == 10_000 ? System.nanoTime() : -1L);
                }));
            });
            long shownAt = shown.get(60, TimeUnit.SECONDS);
            System.out.printf("open a 10,000-task store to the list laid out on screen: %.0f ms%n", (shownAt - t0) / 1e6);

            // While 10,000 synced tasks land (one pull, one transaction on the io thread) and the
            // list re-reads, measure how long work queued on the FX thread waits.
            var maxWait = new AtomicLong();
            var stop = new java.util.concurrent.atomic.AtomicBoolean();
            Thread monitor = Thread.ofPlatform().start(() -> {
                while (!stop.get()) {
                    long posted = System.nanoTime();
                    var ran = new CountDownLatch(1);
                    Platform.runLater(() -> {
                        maxWait.accumulateAndGet(System.nanoTime() - posted, Math::max);
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
            var model = new TasksViewModel(store, io, Platform::runLater, clock, ZoneId.systemDefault(), () -> { });
            long s0 = System.nanoTime();
            CompletableFuture.runAsync(() -> store.sync().applyPull(serverTasks(10_000, clock), "c2"), io).join();
            model.refresh().get(60, TimeUnit.SECONDS);
            long s1 = System.nanoTime();
            stop.set(true);
            monitor.join();
            System.out.printf("10,000 synced tasks applied and the list re-read in %.0f ms; longest FX-thread stall %.1f ms%n",
                    (s1 - s0) / 1e6, maxWait.get() / 1e6);
        } finally {
            io.shutdown();
        }
    }

    private static List<ServerTask> serverTasks(int n, Clock clock) {
        var out = new ArrayList<ServerTask>(n);
        Instant now = clock.instant();
        for (int i = 0; i < n; i++) {
            var edit = TaskEdit.none().title("Task " + i + " " + UUID.randomUUID().toString().substring(0, 8))
                    .priority(Priority.values()[i % 4])
                    .tags(i % 3 == 0 ? List.of("home") : List.of());
            if (i % 5 == 0) {
                edit = edit.dueAt(now.plus(Duration.ofDays(i % 30 - 10)));
            }
            out.add(new ServerTask.Live(Task.created(UUID.randomUUID(), edit, now).withServerVersion(OptionalLong.of(1))));
        }
        return out;
    }
}
