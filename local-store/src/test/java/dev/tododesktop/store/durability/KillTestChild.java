package dev.tododesktop.store.durability;

import dev.tododesktop.store.session.UserStore;
import dev.tododesktop.store.tasks.Task;
import dev.tododesktop.store.tasks.TaskEdit;
import java.nio.file.Path;
import java.time.Clock;

/** Run in a child JVM by {@link KillTest}: makes one edit, says so, then waits to be killed. */
public final class KillTestChild {
    private KillTestChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        UserStore store = UserStore.open(Path.of(args[0]), Clock.systemUTC());
        Task task = store.edits().create(TaskEdit.none().title(args[1]));
        String mutationId = store.sync().pending().getLast().mutationId().toString();
        System.out.println("written " + task.id() + " " + mutationId);
        System.out.flush();
        Thread.sleep(60_000); // never closes the store: the parent kills this process
    }
}
