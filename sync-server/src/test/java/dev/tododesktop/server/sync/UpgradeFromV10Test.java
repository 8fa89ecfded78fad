package dev.tododesktop.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.contract.sync.Mutation;
import dev.tododesktop.contract.sync.MutationResult;
import dev.tododesktop.contract.sync.MutationStatus;
import dev.tododesktop.contract.sync.SyncPushRequest;
import dev.tododesktop.contract.tasks.TaskUpdate;
import dev.tododesktop.server.db.Database;
import dev.tododesktop.server.db.DatabaseUrl;
import dev.tododesktop.server.events.ChangeNotifier;
import dev.tododesktop.server.tasks.TombstonePruner;
import dev.tododesktop.server.testing.Backend;
import dev.tododesktop.server.testing.TaskFixtures;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A database written by the server before answers were kept (schema V10) is migrated in place
 * and keeps working: mutations applied before the upgrade are still safe to resend (answered
 * {@code duplicate}, nothing applied twice), fields written before it have no known writer (so
 * another device's old edit conflicts, as before), and new answers are kept and replayed.
 */
class UpgradeFromV10Test {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aV10DatabaseMigratesAndItsOldAnswersAreStillSafeToReplay(Backend backend) throws java.sql.SQLException {
        DatabaseUrl url = backend.freshDatabase(dir);
        String user = url instanceof DatabaseUrl.Postgres pg ? pg.user().orElse(null) : null;
        String password = url instanceof DatabaseUrl.Postgres pg ? pg.password().orElse(null) : null;
        Flyway.configure().dataSource(url.jdbcUrl(), user, password).locations("classpath:db/migration")
                .target("10").load().migrate();

        UUID userId = UUID.randomUUID();
        UUID taskId = UUID.randomUUID();
        UUID oldCreate = UUID.randomUUID();
        UUID oldRename = UUID.randomUUID();
        long longAgo = System.currentTimeMillis() - Duration.ofDays(200).toMillis();
        // As the V10 server left them: a task created and renamed (version 2) and its two mutation ids.
        var credentials = new java.util.Properties();
        if (user != null) credentials.setProperty("user", user);
        if (password != null) credentials.setProperty("password", password);
        try (var h = Jdbi.open(java.sql.DriverManager.getConnection(url.jdbcUrl(), credentials))) {
            h.execute("INSERT INTO users (id, email, email_key, name, password_hash, created_at) VALUES (?, ?, ?, NULL, 'x', 0)",
                    userId.toString(), userId + "@example.test", userId + "@example.test");
            h.execute("INSERT INTO sync_state (user_id, last_seq, pruned_seq) VALUES (?, 2, 0)", userId.toString());
            h.execute("INSERT INTO tasks (id, user_id, title, title_key, description, description_key, completed, completed_at, "
                            + "priority, tags, due_at, created_at, updated_at, version, seq, deleted, title_v, description_v, "
                            + "completed_v, priority_v, tags_v, due_at_v) VALUES (?, ?, 'Renamed', 'renamed', '', '', ?, NULL, "
                            + "0, '[]', NULL, 1000, 2000, 2, 2, ?, 2, 1, 1, 1, 1, 1)",
                    taskId.toString(), userId.toString(), false, false);
            h.execute("INSERT INTO applied_mutations (user_id, mutation_id, task_id, applied_at) VALUES (?, ?, ?, ?)",
                    userId.toString(), oldCreate.toString(), taskId.toString(), longAgo);
            h.execute("INSERT INTO applied_mutations (user_id, mutation_id, task_id, applied_at) VALUES (?, ?, ?, ?)",
                    userId.toString(), oldRename.toString(), taskId.toString(), longAgo);
        }

        try (Database database = Database.open(url, 4)) {
            var f = TaskFixtures.on(database, Clock.systemUTC(), ChangeNotifier.NONE);
            UUID session = UUID.randomUUID();
            // An old client resends what it sent before the upgrade: applied then, nothing changes now.
            var resent = f.sync().push(userId, session, new SyncPushRequest(List.of(
                    Mutation.create(oldCreate, taskId, TaskUpdate.empty().withTitle("Draft")),
                    Mutation.update(oldRename, taskId, 1, TaskUpdate.empty().withTitle("Renamed"))))).results();
            assertThat(resent).extracting(MutationResult::status).containsOnly(MutationStatus.DUPLICATE);
            assertThat(resent).extracting(MutationResult::replayed).containsOnly(true);
            assertThat(resent.getFirst().task().version()).isEqualTo(2);

            // The title was written before writers were known: an edit on version 1 conflicts with it.
            var stale = f.sync().push(userId, session, new SyncPushRequest(List.of(
                    Mutation.update(UUID.randomUUID(), taskId, 1, TaskUpdate.empty().withTitle("Mine"))))).results().getFirst();
            assertThat(stale.status()).isEqualTo(MutationStatus.CONFLICT);
            assertThat(stale.conflicts()).containsExactly("title");

            // New answers are kept and replayed; the pruner ages out only the answers from before.
            UUID fresh = UUID.randomUUID();
            var edit = new SyncPushRequest(List.of(Mutation.update(fresh, taskId, 2, TaskUpdate.empty().withDescription("new"))));
            assertThat(f.sync().push(userId, session, edit).results().getFirst().status()).isEqualTo(MutationStatus.APPLIED);
            new TombstonePruner(database, Clock.systemUTC()).prune(TombstonePruner.RETENTION);
            var again = f.sync().push(userId, session, edit).results().getFirst();
            assertThat(again.status()).isEqualTo(MutationStatus.APPLIED);
            assertThat(again.replayed()).isTrue();
            assertThat(again.version()).isEqualTo(3);
            long left = database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM applied_mutations WHERE user_id = :u")
                    .bind("u", userId.toString()).mapTo(Long.class).one());
            assertThat(left).as("the two pre-upgrade ids pruned, the new answers kept").isEqualTo(2);
        }
    }
}
