package dev.tododesktop.store;

import dev.tododesktop.store.sync.ServerTask;
import dev.tododesktop.store.tasks.Priority;
import dev.tododesktop.store.tasks.Task;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** Small builders shared by the tests. */
public final class Fixtures {
    public static final Instant T0 = Instant.parse("2026-11-24T04:00:00.000Z");

    private Fixtures() {
    }

    public static ServerTask.Live serverTask(UUID id, String title, long version) {
        return new ServerTask.Live(new Task(id, title, "", false, Optional.empty(), Priority.NONE, List.of(),
                Optional.empty(), T0, T0, OptionalLong.of(version)));
    }

    public static ServerTask.Live serverTask(Task task, long version) {
        return new ServerTask.Live(task.withServerVersion(OptionalLong.of(version)));
    }
}
