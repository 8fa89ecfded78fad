package dev.tododesktop.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tododesktop.contract.sync.Mutation;
import dev.tododesktop.contract.sync.MutationResult;
import dev.tododesktop.contract.sync.MutationStatus;
import dev.tododesktop.contract.sync.SyncChange;
import dev.tododesktop.contract.sync.SyncPushRequest;
import dev.tododesktop.contract.sync.TaskChange;
import dev.tododesktop.contract.sync.TaskTombstone;
import dev.tododesktop.contract.tasks.CreateTaskRequest;
import dev.tododesktop.contract.tasks.Priority;
import dev.tododesktop.contract.tasks.TaskUpdate;
import dev.tododesktop.server.db.Database;
import dev.tododesktop.server.events.ChangeNotifier;
import dev.tododesktop.server.events.Cursor;
import dev.tododesktop.server.http.ApiException;
import dev.tododesktop.server.tasks.TaskQuery;
import dev.tododesktop.server.tasks.TaskService;
import dev.tododesktop.server.testing.Backend;
import dev.tododesktop.server.testing.TaskFixtures;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The storage, merge and sequence rules, straight on SQLite and PostgreSQL (no HTTP). */
@ParameterizedClass
@EnumSource(Backend.class)
class SyncStoreTest {

    @Parameter
    Backend backend;

    @TempDir
    Path dir;

    Database database;
    TaskFixtures f;

    @BeforeEach
    void open() {
        database = Database.open(backend.freshDatabase(dir), 16);
        f = TaskFixtures.on(database, Clock.systemUTC(), ChangeNotifier.NONE);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private UUID createTask(UUID user, String title) {
        return f.tasks().create(user, CreateTaskRequest.titled(title)).task().id();
    }

    private MutationResult push(UUID user, Mutation m) {
        return f.sync().push(user, new SyncPushRequest(List.of(m))).results().getFirst();
    }

    @Test
    void taskIdsAreGlobalAndOtherUsersTasksAreNotFound() {
        var alice = f.newUser();
        var bob = f.newUser();
        var id = createTask(alice, "alice's");
        assertThatThrownBy(() -> f.tasks().get(bob, id)).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> f.tasks().create(bob, CreateTaskRequest.titled("mine now").withId(id)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
        var again = f.tasks().create(alice, CreateTaskRequest.titled("other title").withId(id));
        assertThat(again).isInstanceOf(TaskService.CreateOutcome.AlreadyExists.class);
        assertThat(again.task().title()).isEqualTo("alice's");
        f.tasks().delete(alice, id);
        assertThatThrownBy(() -> f.tasks().create(alice, CreateTaskRequest.titled("back").withId(id)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
        var bobCreate = push(bob, Mutation.create(UUID.randomUUID(), id, TaskUpdate.empty().withTitle("x")));
        assertThat(bobCreate.status()).isEqualTo(MutationStatus.INVALID);
        assertThat(bobCreate.error().status()).isEqualTo(409);
        assertThat(bobCreate.task()).isNull();
    }

    @Test
    void concurrentEditsOfDifferentFieldsMergeAndSameFieldReportsAConflict() {
        var user = f.newUser();
        var id = createTask(user, "start");
        var a = push(user, Mutation.update(UUID.randomUUID(), id, 1, TaskUpdate.empty().withTitle("from A")));
        assertThat(a.status()).isEqualTo(MutationStatus.APPLIED);
        assertThat(a.task().version()).isEqualTo(2);
        var b = push(user, Mutation.update(UUID.randomUUID(), id, 1,
                TaskUpdate.empty().withTitle("from B").withDescription("B's notes").withPriority(Priority.HIGH)));
        assertThat(b.status()).isEqualTo(MutationStatus.CONFLICT);
        assertThat(b.conflicts()).containsExactly(TaskUpdate.TITLE);
        var task = ((TaskChange) b.task()).task();
        assertThat(task.title()).isEqualTo("from A");
        assertThat(task.description()).isEqualTo("B's notes");
        assertThat(task.priority()).isEqualTo(Priority.HIGH);
        assertThat(task.version()).isEqualTo(3);
        // Same value on both sides is no conflict.
        var same = push(user, Mutation.update(UUID.randomUUID(), id, 1, TaskUpdate.empty().withTitle("from A")));
        assertThat(same.status()).isEqualTo(MutationStatus.APPLIED);
        assertThat(same.task().version()).isEqualTo(3);
    }

    @Test
    void updateAfterDeleteIsAConflictCarryingTheTombstoneAndDeleteAlwaysApplies() {
        var user = f.newUser();
        var id = createTask(user, "doomed");
        var del = push(user, Mutation.delete(UUID.randomUUID(), id, 1L));
        assertThat(del.status()).isEqualTo(MutationStatus.APPLIED);
        assertThat(del.task()).isInstanceOf(TaskTombstone.class);
        var upd = push(user, Mutation.update(UUID.randomUUID(), id, 1, TaskUpdate.empty().withTitle("too late")));
        assertThat(upd.status()).isEqualTo(MutationStatus.CONFLICT);
        assertThat(upd.task()).isInstanceOf(TaskTombstone.class);
        assertThat(upd.conflicts()).containsExactly(TaskUpdate.TITLE);
        var sc = push(user, Mutation.setCompleted(UUID.randomUUID(), id, null, true));
        assertThat(sc.status()).isEqualTo(MutationStatus.CONFLICT);
        var again = push(user, Mutation.delete(UUID.randomUUID(), id, null));
        assertThat(again.status()).isEqualTo(MutationStatus.APPLIED);
        assertThat(again.task()).isNull();
        var unknown = push(user, Mutation.delete(UUID.randomUUID(), UUID.randomUUID(), null));
        assertThat(unknown.status()).isEqualTo(MutationStatus.APPLIED);
    }

    @Test
    void resentBatchGetsItsAnswersAgainAndChangesNothing() {
        var user = f.newUser();
        var id = UUID.randomUUID();
        var batch = new SyncPushRequest(List.of(
                Mutation.create(UUID.randomUUID(), id, TaskUpdate.empty().withTitle("offline")),
                Mutation.update(UUID.randomUUID(), id, 1, TaskUpdate.empty().withDescription("more")),
                Mutation.setCompleted(UUID.randomUUID(), id, null, true)));
        var first = f.sync().push(user, batch);
        assertThat(first.results()).extracting(MutationResult::status).containsOnly(MutationStatus.APPLIED);
        var second = f.sync().push(user, batch);
        assertThat(second.results()).extracting(MutationResult::status).containsOnly(MutationStatus.APPLIED);
        assertThat(second.results()).extracting(MutationResult::replayed).containsOnly(true);
        assertThat(second.results()).extracting(MutationResult::version).containsExactly(1L, 2L, 3L);
        assertThat(second.cursor()).isEqualTo(first.cursor());
        assertThat(f.tasks().get(user, id).version()).isEqualTo(3);
    }

    @Test
    void invalidMutationsDoNotStopTheOthers() {
        var user = f.newUser();
        var id = createTask(user, "t");
        var results = f.sync().push(user, new SyncPushRequest(List.of(
                Mutation.update(UUID.randomUUID(), id, 1, TaskUpdate.empty().withTitle("")),
                Mutation.update(UUID.randomUUID(), UUID.randomUUID(), 1, TaskUpdate.empty().withTitle("ghost")),
                new Mutation(UUID.randomUUID(), dev.tododesktop.contract.sync.MutationType.UPDATE, id, null, TaskUpdate.empty().withTitle("x")),
                Mutation.update(UUID.randomUUID(), id, 1, TaskUpdate.empty().withTitle("fine"))))).results();
        assertThat(results).extracting(MutationResult::status).containsExactly(
                MutationStatus.INVALID, MutationStatus.INVALID, MutationStatus.INVALID, MutationStatus.APPLIED);
        assertThat(results.get(0).error().status()).isEqualTo(422);
        assertThat(results.get(1).error().status()).isEqualTo(404);
        assertThat(results.get(2).error().errors()).extracting(e -> e.field()).containsExactly("base_version");
    }

    @Test
    void pullPagesThroughEveryTaskOnceInChangeOrderAndEqualsTheList() {
        var user = f.newUser();
        var ids = new ArrayList<UUID>();
        for (int i = 0; i < 25; i++) {
            ids.add(createTask(user, "task " + i));
        }
        f.tasks().update(user, ids.get(3), TaskUpdate.empty().withTitle("edited"), OptionalLong.empty());
        f.tasks().delete(user, ids.get(7));
        var replica = new HashMap<UUID, SyncChange>();
        String cursor = null;
        int pages = 0;
        while (true) {
            var page = f.sync().pull(user, cursor == null ? Optional.empty() : Optional.of(Cursor.decode(cursor)), 4);
            pages++;
            for (var c : page.changes()) {
                assertThat(replica.put(c.id(), c)).as("each task at most once").isNull();
            }
            cursor = page.cursor();
            if (!page.hasMore()) break;
        }
        assertThat(pages).isEqualTo(7);
        assertThat(replica).hasSize(25);
        assertThat(replica.get(ids.get(7)).deleted()).isTrue();
        var live = f.tasks().list(user, TaskQuery.all());
        assertThat(live.items()).hasSize(24);
        for (var t : live.items()) {
            assertThat(((TaskChange) replica.get(t.id())).task()).isEqualTo(t);
        }
        var empty = f.sync().pull(user, Optional.of(Cursor.decode(cursor)), 100);
        assertThat(empty.changes()).isEmpty();
        assertThat(empty.cursor()).isEqualTo(cursor);
        assertThat(empty.hasMore()).isFalse();
    }

    @Test
    void twoDevicesPushingAtOnceAgainstOneTaskLoseNoUpdate() throws Exception {
        var user = f.newUser();
        var id = createTask(user, "shared");
        int rounds = 25;
        try (var pool = Executors.newFixedThreadPool(2)) {
            for (int r = 0; r < rounds; r++) {
                long base = f.tasks().get(user, id).version();
                var start = new CountDownLatch(1);
                int round = r;
                Future<MutationResult> a = pool.submit(() -> {
                    start.await();
                    return push(user, Mutation.update(UUID.randomUUID(), id, base, TaskUpdate.empty().withTitle("A" + round)));
                });
                Future<MutationResult> b = pool.submit(() -> {
                    start.await();
                    return push(user, Mutation.update(UUID.randomUUID(), id, base, TaskUpdate.empty().withDescription("B" + round)));
                });
                start.countDown();
                assertThat(a.get().status()).isEqualTo(MutationStatus.APPLIED);
                assertThat(b.get().status()).isEqualTo(MutationStatus.APPLIED);
                var now = f.tasks().get(user, id);
                assertThat(now.title()).isEqualTo("A" + round);
                assertThat(now.description()).isEqualTo("B" + round);
                assertThat(now.version()).isEqualTo(base + 2);
            }
        }
    }

    @Test
    void concurrentCreatesGetDistinctSequenceNumbers() throws Exception {
        var user = f.newUser();
        try (var pool = Executors.newFixedThreadPool(8)) {
            var futures = new ArrayList<Future<UUID>>();
            for (int i = 0; i < 80; i++) {
                int n = i;
                futures.add(pool.submit(() -> createTask(user, "c" + n)));
            }
            for (var fu : futures) fu.get();
        }
        var pulled = f.sync().pull(user, Optional.empty(), 1000);
        assertThat(pulled.changes()).hasSize(80);
        assertThat(Cursor.decode(pulled.cursor()).seq()).isEqualTo(80);
    }

    @Test
    void prunedTombstonesExpireOlderCursorsAndKeepTheirIdsRetired() throws Exception {
        var user = f.newUser();
        var keep = createTask(user, "keep");
        var gone = createTask(user, "gone");
        var oldCursor = f.sync().pull(user, Optional.empty(), 100).cursor();
        f.tasks().delete(user, gone);
        Thread.sleep(5);
        int pruned = new dev.tododesktop.server.tasks.TombstonePruner(database, Clock.systemUTC()).prune(java.time.Duration.ZERO);
        assertThat(pruned).isEqualTo(1);
        assertThatThrownBy(() -> f.sync().pull(user, Optional.of(Cursor.decode(oldCursor)), 100))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(410));
        var full = f.sync().pull(user, Optional.empty(), 100);
        assertThat(full.changes()).extracting(SyncChange::id).containsExactly(keep);
        assertThat(f.sync().pull(user, Optional.of(Cursor.decode(full.cursor())), 100).changes()).isEmpty();
        assertThatThrownBy(() -> f.tasks().create(user, CreateTaskRequest.titled("reuse").withId(gone)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
    }
}
