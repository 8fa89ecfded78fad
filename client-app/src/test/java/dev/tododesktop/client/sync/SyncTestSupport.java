package dev.tododesktop.client.sync;

import dev.tododesktop.store.session.UserStore;
import dev.tododesktop.store.tasks.Task;
import dev.tododesktop.store.tasks.TaskQuery;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;

final class SyncTestSupport {
    private SyncTestSupport() {
    }

    /** Every visible task, by id: comparable across devices once they have synced. */
    static List<Task> tasks(UserStore store) {
        return store.tasks().list(TaskQuery.of(Instant.now(), ZoneOffset.UTC)).stream()
                .sorted(Comparator.comparing(Task::id))
                .toList();
    }

    /** Polls until {@code condition} holds; fails after {@code deadline}. Answers how long it took. */
    static Duration await(Duration deadline, String what, BooleanSupplier condition) {
        long start = System.nanoTime();
        long end = start + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + deadline.toMillis() + " ms: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
