package dev.tododesktop.client.sync.bench;

import dev.tododesktop.client.api.ApiResult;
import dev.tododesktop.client.api.TodoApiClient;
import dev.tododesktop.client.keychain.SessionOnlyStore;
import dev.tododesktop.client.sync.SyncEngine;
import dev.tododesktop.client.sync.SyncReport;
import dev.tododesktop.client.sync.SyncStatus;
import dev.tododesktop.contract.auth.LoginRequest;
import dev.tododesktop.contract.auth.RegisterRequest;
import dev.tododesktop.contract.auth.UserView;
import dev.tododesktop.contract.sync.Mutation;
import dev.tododesktop.contract.sync.SyncPushRequest;
import dev.tododesktop.contract.tasks.Priority;
import dev.tododesktop.contract.tasks.TaskUpdate;
import dev.tododesktop.server.TodoServer;
import dev.tododesktop.server.config.PasswordHashing;
import dev.tododesktop.server.config.ServerConfig;
import dev.tododesktop.store.session.UserStore;
import dev.tododesktop.store.tasks.Task;
import dev.tododesktop.store.tasks.TaskEdit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Sync engine benchmark (a main method, not a test): the real server in process on loopback,
 * SQLite on real files for both. Measures
 * <ol>
 *   <li>initial sync of 10,000 tasks into an empty store, end to end (pull pages + durable apply);</li>
 *   <li>a round with nothing to do (empty outbox, pull answers no changes), p50/p99;</li>
 *   <li>a local edit on device A until it is visible in device B's store, both engines running with
 *       the event stream and the default 250 ms push debounce, p50/p99.</li>
 * </ol>
 * Run: see BENCHMARKS.md.
 */
public final class SyncEngineBenchmark {

    private static final String PASSWORD = "correct horse battery";
    private static final int TASKS = 10_000;

    public static void main(String[] args) throws Exception {
        int initialRuns = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int idleRounds = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int liveEdits = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        Path dir = Files.createTempDirectory("sync-bench");
        var config = ServerConfig.embedded(dir.resolve("server")).withPasswordHashing(PasswordHashing.forTestsOnly());
        try (TodoServer server = TodoServer.start(config)) {
            String email = "bench-" + UUID.randomUUID() + "@example.com";
            try (TodoApiClient seeder = client(server)) {
                UserView user = ((ApiResult.Ok<UserView>) seeder.register(
                        new RegisterRequest(email, PASSWORD, "Bench", "seeder"))).value();
                long t0 = System.nanoTime();
                seed(seeder, TASKS);
                System.out.printf("seeded %,d tasks through POST /sync in %d ms%n", TASKS, ms(System.nanoTime() - t0));

                // 1. Initial sync of 10,000 tasks.
                List<Long> initial = new ArrayList<>();
                for (int run = 0; run < initialRuns; run++) {
                    try (Device d = device(server, email, dir, "initial-" + run, SyncEngine.Options.defaults().withEvents(false))) {
                        long start = System.nanoTime();
                        SyncReport report = d.engine.syncNow().join();
                        long took = System.nanoTime() - start;
                        check(report.ok() && report.pulled() == TASKS, "initial sync: " + report);
                        check(d.store.tasks().count(dev.tododesktop.store.tasks.TaskQuery.of(java.time.Instant.now(),
                                java.time.ZoneOffset.UTC)) == TASKS, "task count");
                        initial.add(took);
                        System.out.printf("initial sync run %d: %d ms (%d pages)%n", run + 1, ms(took), report.pages());
                    }
                }

                // 2. Rounds with nothing to do.
                try (Device d = device(server, email, dir, "idle", SyncEngine.Options.defaults().withEvents(false))) {
                    check(d.engine.syncNow().join().ok(), "warm-up");
                    long[] took = new long[idleRounds];
                    for (int i = 0; i < idleRounds; i++) {
                        long start = System.nanoTime();
                        SyncReport report = d.engine.syncNow().join();
                        took[i] = System.nanoTime() - start;
                        check(report.ok() && report.pulled() == 0 && report.pushed() == 0, "idle round: " + report);
                    }
                    Arrays.sort(took);
                    System.out.printf("no-op round (%d rounds): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", idleRounds,
                            msf(pct(took, 50)), msf(pct(took, 99)), msf(took[took.length - 1]));
                }

                // 3. Edit on A -> visible on B.
                try (Device a = device(server, email, dir, "live-a", SyncEngine.Options.defaults());
                     Device b = device(server, email, dir, "live-b", SyncEngine.Options.defaults())) {
                    a.engine.start();
                    b.engine.start();
                    waitOnline(a.engine);
                    waitOnline(b.engine);
                    waitFor(() -> b.engine.status().connectivity() == SyncStatus.Connectivity.ONLINE
                            && b.store.sync().pendingCount() == 0 && a.store.sync().pendingCount() == 0);
                    Thread.sleep(500); // let the startup rounds and their events settle
                    Task task = a.store.edits().create(TaskEdit.none().title("live 0"));
                    a.engine.requestSync();
                    waitFor(() -> b.store.tasks().get(task.id()).isPresent());
                    long[] took = new long[liveEdits];
                    for (int i = 0; i < liveEdits; i++) {
                        String title = "live " + (i + 1);
                        long start = System.nanoTime();
                        a.store.edits().update(task.id(), TaskEdit.none().title(title));
                        a.engine.requestSync();
                        waitFor(() -> b.store.tasks().get(task.id()).map(Task::title).orElse("").equals(title));
                        took[i] = System.nanoTime() - start;
                        Thread.sleep(100);
                    }
                    Arrays.sort(took);
                    System.out.printf("edit on A visible on B (%d edits, 250 ms debounce included): p50 %d ms, p99 %d ms, max %d ms%n",
                            liveEdits, ms(pct(took, 50)), ms(pct(took, 99)), ms(took[took.length - 1]));
                }
                long[] init = initial.stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.printf("initial sync of %,d tasks: median %d ms (runs: %s)%n", TASKS, ms(init[init.length / 2]),
                        initial.stream().map(n -> Long.toString(ms(n))).toList());
                check(user.id() != null, "user");
            }
        } finally {
            deleteTree(dir);
        }
    }

    /** Pushes {@code count} varied tasks through {@code POST /sync}, 500 at a time; the desktop benchmark uses it too. */
    public static void seed(TodoApiClient client, int count) {
        List<Mutation> batch = new ArrayList<>();
        Priority[] priorities = Priority.values();
        for (int i = 0; i < count; i++) {
            batch.add(Mutation.create(UUID.randomUUID(), UUID.randomUUID(), TaskUpdate.empty()
                    .withTitle("Task number " + i)
                    .withDescription(i % 3 == 0 ? "Some notes about task " + i : "")
                    .withPriority(priorities[i % priorities.length])
                    .withTags(i % 5 == 0 ? List.of("home", "t" + (i % 7)) : List.of())));
            if (batch.size() == 500) {
                check(client.sync().push(new SyncPushRequest(List.copyOf(batch))).isOk(), "seed push");
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            check(client.sync().push(new SyncPushRequest(batch)).isOk(), "seed push");
        }
    }

    private record Device(TodoApiClient client, UserStore store, SyncEngine engine) implements AutoCloseable {
        @Override
        public void close() {
            engine.close();
            client.close();
            store.close();
        }
    }

    private static Device device(TodoServer server, String email, Path dir, String name, SyncEngine.Options options) {
        TodoApiClient client = client(server);
        var login = client.login(new LoginRequest(email, PASSWORD, name));
        check(login.isOk(), "login " + login);
        UUID userId = login.okValue().orElseThrow().id();
        UserStore store = UserStore.open(dir.resolve(name + ".db"), Clock.systemUTC());
        return new Device(client, store, new SyncEngine(store, client, userId, Clock.systemUTC(), options));
    }

    private static TodoApiClient client(TodoServer server) {
        return TodoApiClient.builder(server.baseUri(), new SessionOnlyStore("bench"))
                .readTimeout(Duration.ofSeconds(60)).build();
    }

    private static void waitOnline(SyncEngine engine) throws InterruptedException {
        waitFor(() -> engine.status().connectivity() == SyncStatus.Connectivity.ONLINE
                && engine.status().lastSyncedAt().isPresent());
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(1);
        }
    }

    private static long pct(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static double msf(long nanos) {
        return nanos / 1e6;
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("failed: " + what);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
