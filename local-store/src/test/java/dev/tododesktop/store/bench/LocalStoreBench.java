package dev.tododesktop.store.bench;

import dev.tododesktop.store.session.UserStore;
import dev.tododesktop.store.sync.ServerTask;
import dev.tododesktop.store.tasks.Priority;
import dev.tododesktop.store.tasks.StatusFilter;
import dev.tododesktop.store.tasks.Task;
import dev.tododesktop.store.tasks.TaskEdit;
import dev.tododesktop.store.tasks.TaskQuery;
import dev.tododesktop.store.tasks.TaskSort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Benchmark harness for the local store (not a unit test): real files, durable commits.
 * Run: see BENCHMARKS.md. Prints a Markdown table.
 */
public final class LocalStoreBench {
    private static final int TASKS = 10_000;
    private static final String[] WORDS = {"buy", "milk", "call", "mom", "write", "report", "fix", "bike",
            "plan", "trip", "Straße", "café", "review", "PR", "book", "dentist", "pay", "rent", "water", "plants"};
    private static final Instant NOW = Instant.parse("2026-11-24T04:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private LocalStoreBench() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("local-store-bench");
        try {
            run(dir);
        } finally {
            if (Boolean.getBoolean("bench.keep")) {
                System.out.println("kept " + dir); // for EXPLAIN QUERY PLAN and friends
                return;
            }
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void run(Path dir) {
        Random random = new Random(42);
        List<ServerTask> pull = serverTasks(random);
        System.out.println("| measurement | n | p50 | p99 | max |");
        System.out.println("|---|---|---|---|---|");

        // 1. Applying a 10,000-task pull to an empty store (first sync), three fresh files.
        long[] pullMs = new long[3];
        for (int i = 0; i < 3; i++) {
            try (UserStore fresh = UserStore.open(dir.resolve("pull-" + i + ".db"), Clock.systemUTC())) {
                long t0 = System.nanoTime();
                fresh.sync().applyPull(pull, "c1");
                pullMs[i] = (System.nanoTime() - t0) / 1_000;
            }
        }
        row("apply 10,000-task pull, empty store (one transaction)", pullMs);

        try (UserStore store = UserStore.open(dir.resolve("main.db"), Clock.systemUTC())) {
            store.sync().applyPull(pull, "c1");

            // 2. Applying a pull that changes all 10,000 tasks of a populated store.
            List<ServerTask> second = pull.stream().map(s -> (ServerTask) new ServerTask.Live(
                    retitle(((ServerTask.Live) s).task(), 2))).toList();
            long[] repull = new long[1];
            long t0 = System.nanoTime();
            store.sync().applyPull(second, "c2");
            repull[0] = (System.nanoTime() - t0) / 1_000;
            row("apply 10,000-task pull, all tasks already stored", repull);

            // 3. Durable local edits (update + outbox entry, synchronous=FULL), on a 10,000-task store.
            List<UUID> ids = pull.stream().map(ServerTask::id).toList();
            for (int i = 0; i < 50; i++) { // warm-up
                store.edits().update(ids.get(random.nextInt(TASKS)), TaskEdit.none().title("warm " + i));
            }
            long[] edits = time(1_000, i -> store.edits().update(ids.get(random.nextInt(TASKS)),
                    TaskEdit.none().title("edit " + i).priority(Priority.values()[i % 4])));
            row("durable local edit (update), 10,000 tasks", edits);
            long[] creates = time(1_000, i -> store.edits().create(TaskEdit.none().title("new " + i)));
            row("durable local edit (create)", creates);

            // 4. Search over all tasks (title + description, case-insensitive substring).
            String[] needles = {"milk", "STRASSE", "straße", "café", "r", "report 12", "zzz-no-hit", "%", "pl"};
            TaskQuery all = TaskQuery.of(NOW, ZONE);
            warm(() -> store.tasks().list(all.withSearch("milk")));
            long[] search = time(300, i -> store.tasks().list(all.withSearch(needles[i % needles.length])));
            row("search, " + (TASKS + 1_000) + " tasks, full result list", search);
            long[] searchPage = time(300, i -> store.tasks().list(all.withSearch(needles[i % needles.length]).page(50, 0)));
            row("search, " + (TASKS + 1_000) + " tasks, first 50 results", searchPage);

            // 5. Filtered + sorted lists.
            TaskQuery activeByDue = all.withStatus(StatusFilter.ACTIVE).sortedBy(TaskSort.DUE_DATE, false);
            warm(() -> store.tasks().list(activeByDue));
            row("list active, sorted by due date (~5,500 rows)", time(100, i -> store.tasks().list(activeByDue)));
            TaskQuery allByTitle = all.sortedBy(TaskSort.TITLE, false);
            row("list all, sorted by title (11,000 rows)", time(100, i -> store.tasks().list(allByTitle)));
            row("list all, sorted by title, first 50", time(100, i -> store.tasks().list(allByTitle.page(50, 0))));
            TaskQuery tagPrio = all.withTag("work").withPriority(Priority.HIGH).sortedBy(TaskSort.PRIORITY, true);
            row("list tag=work & priority=high, sorted", time(100, i -> store.tasks().list(tagPrio)));
            row("counts (N left, overdue, today)", time(100, i -> store.tasks().counts(NOW, ZONE)));
        }
    }

    private static List<ServerTask> serverTasks(Random random) {
        List<ServerTask> out = new ArrayList<>(TASKS);
        String[] tags = {"work", "home", "errands", "health", "family", "money", "urgent", "later"};
        for (int i = 0; i < TASKS; i++) {
            String title = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " " + i;
            String description = random.nextBoolean() ? "" : "notes about " + WORDS[random.nextInt(WORDS.length)]
                    + " and " + WORDS[random.nextInt(WORDS.length)] + " " + "x".repeat(random.nextInt(200));
            boolean completed = random.nextInt(100) < 45;
            Optional<Instant> due = random.nextBoolean()
                    ? Optional.of(NOW.plus(Duration.ofHours(random.nextInt(24 * 60) - 24 * 30)))
                    : Optional.empty();
            List<String> taskTags = random.ints(random.nextInt(3), 0, tags.length).distinct()
                    .mapToObj(t -> tags[t]).toList();
            Instant created = NOW.minus(Duration.ofMinutes(TASKS - i));
            out.add(new ServerTask.Live(new Task(UUID.randomUUID(), title, description, completed,
                    completed ? Optional.of(created) : Optional.empty(), Priority.values()[random.nextInt(4)],
                    taskTags, due, created, created, OptionalLong.of(1))));
        }
        return out;
    }

    private static Task retitle(Task t, long version) {
        return new Task(t.id(), t.title() + " v" + version, t.description(), t.completed(), t.completedAt(),
                t.priority(), t.tags(), t.dueAt(), t.createdAt(), t.updatedAt(), OptionalLong.of(version));
    }

    private interface Op {
        void run(int i);
    }

    private static void warm(Supplier<?> op) {
        for (int i = 0; i < 20; i++) {
            op.get();
        }
    }

    /** Per-call latencies in microseconds. */
    private static long[] time(int n, Op op) {
        long[] micros = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            op.run(i);
            micros[i] = (System.nanoTime() - t0) / 1_000;
        }
        return micros;
    }

    private static void row(String name, long[] micros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        System.out.printf("| %s | %d | %s | %s | %s |%n", name, sorted.length,
                ms(percentile(sorted, 50)), ms(percentile(sorted, 99)), ms(sorted[sorted.length - 1]));
    }

    private static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String ms(long micros) {
        return String.format("%.2f ms", micros / 1000.0);
    }
}
