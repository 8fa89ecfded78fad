package dev.tododesktop.server.testing;

import dev.tododesktop.server.db.Database;
import dev.tododesktop.server.events.ChangeNotifier;
import dev.tododesktop.server.sync.AppliedMutations;
import dev.tododesktop.server.sync.MutationApplier;
import dev.tododesktop.server.sync.SyncService;
import dev.tododesktop.server.tasks.TaskRepository;
import dev.tododesktop.server.tasks.TaskService;
import dev.tododesktop.server.tasks.UserWrites;
import java.time.Clock;
import java.util.UUID;

/** The task and sync services on a real database, without HTTP, for data-layer tests. */
public record TaskFixtures(Database database, TaskService tasks, SyncService sync) {

    public static TaskFixtures on(Database database, Clock clock, ChangeNotifier notifier) {
        var repository = new TaskRepository(database.dialect());
        var writes = new UserWrites(database, clock, notifier);
        var tasks = new TaskService(database, repository, writes);
        var answers = new AppliedMutations();
        var sync = new SyncService(database, repository, writes, new MutationApplier(repository, answers), answers);
        return new TaskFixtures(database, tasks, sync);
    }

    /** A user row, as registration would leave it (tasks reference users). */
    public UUID newUser() {
        var id = UUID.randomUUID();
        database.jdbi().useHandle(h -> h.createUpdate("INSERT INTO users (id, email, email_key, name, password_hash, created_at) "
                        + "VALUES (:id, :email, :email, NULL, 'x', 0)")
                .bind("id", id.toString())
                .bind("email", id + "@example.test")
                .execute());
        return id;
    }
}
