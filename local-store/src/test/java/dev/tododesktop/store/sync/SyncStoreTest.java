package dev.tododesktop.store.sync;

import static dev.tododesktop.store.Fixtures.serverTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tododesktop.testing.MutableClock;
import dev.tododesktop.store.StoreException;
import dev.tododesktop.store.conflicts.Conflict;
import dev.tododesktop.store.outbox.Mutation;
import dev.tododesktop.store.outbox.MutationType;
import dev.tododesktop.store.session.StoreFixture;
import dev.tododesktop.store.session.UserStore;
import dev.tododesktop.store.tasks.Task;
import dev.tododesktop.store.tasks.TaskEdit;
import dev.tododesktop.store.tasks.TaskField;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncStoreTest {
    @TempDir
    Path dir;
    MutableClock clock;
    UserStore store;
    SyncStore sync;

    @BeforeEach
    void open() {
        clock = StoreFixture.clock();
        store = StoreFixture.open(dir, clock);
        sync = store.sync();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void batchesComeInOrderUpToTheLimitEditsOfANewTaskBasedOnItsCreate() {
        Task a = store.edits().create(TaskEdit.none().title("a"));
        Task b = store.edits().create(TaskEdit.none().title("b"));
        store.edits().update(a.id(), TaskEdit.none().title("a2"));
        Task c = store.edits().create(TaskEdit.none().title("c"));

        assertThat(sync.nextBatch(10)).extracting(Mutation::taskId).containsExactly(a.id(), b.id(), a.id(), c.id());
        // The edit was made on what the create produces: version 1 (docs/sync.md).
        assertThat(sync.nextBatch(10).get(2).baseVersion()).hasValue(1);
        assertThat(sync.nextBatch(2)).extracting(Mutation::taskId).containsExactly(a.id(), b.id());
        assertThat(sync.pendingCount()).isEqualTo(4);
        assertThatThrownBy(() -> sync.nextBatch(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void appliedCreateBecomesTheBaseAndRebasesTheTasksLaterEdits() {
        Task a = store.edits().create(TaskEdit.none().title("a"));
        store.edits().update(a.id(), TaskEdit.none().description("later"));
        Mutation create = sync.nextBatch(10).getFirst();

        sync.acknowledge(List.of(new MutationResult.Applied(create.mutationId(),
                Optional.of(serverTask(a, 1)))));

        List<Mutation> rest = sync.pending();
        assertThat(rest).singleElement().satisfies(m -> {
            assertThat(m.type()).isEqualTo(MutationType.UPDATE);
            assertThat(m.baseVersion()).hasValue(1);
        });
        Task visible = store.tasks().get(a.id()).orElseThrow();
        assertThat(visible.description()).isEqualTo("later");
        assertThat(visible.serverVersion()).hasValue(1);
    }

    @Test
    void anEditStoredWithoutABaseByAnOlderAppWaitsForItsCreateAndTakesTheVersionItProduced() {
        Task a = store.edits().create(TaskEdit.none().title("a"));
        UUID legacy = UUID.randomUUID();
        // As the previous version of the app stored an edit made on an unacknowledged create.
        withConnection(c -> {
            dev.tododesktop.store.outbox.Outbox.append(c, new Mutation(legacy, MutationType.UPDATE, a.id(),
                    OptionalLong.empty(), TaskEdit.none().title("a2"), dev.tododesktop.store.Fixtures.T0));
            return null;
        });
        assertThat(sync.nextBatch(10)).extracting(Mutation::mutationId).doesNotContain(legacy);
        Mutation create = sync.nextBatch(10).getFirst();
        // Replayed: the task is at version 5 now, but the create made version 1.
        sync.acknowledge(List.of(new MutationResult.Applied(create.mutationId(), Optional.of(serverTask(a, 5)),
                OptionalLong.of(1), true)));
        assertThat(sync.nextBatch(10)).singleElement().satisfies(m -> {
            assertThat(m.mutationId()).isEqualTo(legacy);
            assertThat(m.baseVersion()).hasValue(1);
        });
    }

    @Test
    void aReplayedConflictIsAConflictUnlessTheServerNowHoldsTheSameValue() {
        UUID id = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        sync.applyPull(List.of(serverTask(id, "original", 1), serverTask(other, "original", 1)), "c1");
        store.edits().update(id, TaskEdit.none().title("mine"));
        store.edits().update(other, TaskEdit.none().title("mine too"));
        List<Mutation> sent = sync.nextBatch(10);
        sync.acknowledge(List.of(
                new MutationResult.Conflict(sent.get(0).mutationId(), serverTask(id, "theirs", 4), Set.of(TaskField.TITLE),
                        OptionalLong.of(2), true),
                new MutationResult.Conflict(sent.get(1).mutationId(), serverTask(other, "mine too", 4), Set.of(TaskField.TITLE),
                        OptionalLong.of(2), true)));
        assertThat(store.conflicts().open()).singleElement().satisfies(c -> {
            assertThat(c.taskId()).isEqualTo(id);
            assertThat(c.serverValue()).isEqualTo(TaskEdit.none().title("theirs"));
        });
        assertThat(sync.pendingCount()).isZero();
    }

    @Test
    void anUpdateAppliedBeforeTheServerKeptAnswersShowsEveryFieldThatNowDiffersAsAConflict() {
        UUID id = UUID.randomUUID();
        sync.applyPull(List.of(serverTask(id, "original", 1)), "c1");
        store.edits().update(id, TaskEdit.none().title("mine").description(""));
        Mutation sent = sync.nextBatch(1).getFirst();
        sync.acknowledge(List.of(new MutationResult.Duplicate(sent.mutationId(), Optional.of(serverTask(id, "theirs", 3)))));
        // The description equals the server's: nothing to show. The title may have been kept back: shown.
        assertThat(store.conflicts().open()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo(TaskField.TITLE);
            assertThat(c.localValue()).isEqualTo(TaskEdit.none().title("mine"));
        });
    }

    @Test
    void answersAreAcknowledgedOnceTheServerHasBeenTold() {
        Task a = store.edits().create(TaskEdit.none().title("a"));
        Task b = store.edits().create(TaskEdit.none().title("b"));
        List<Mutation> sent = sync.nextBatch(10);
        assertThat(sync.answersToAcknowledge(10)).isEmpty();
        sync.acknowledge(List.of(new MutationResult.Applied(sent.get(0).mutationId(), Optional.of(serverTask(a, 1))),
                new MutationResult.Invalid(sent.get(1).mutationId(), "no")));
        List<UUID> acks = sync.answersToAcknowledge(10);
        assertThat(acks).containsExactly(sent.get(0).mutationId(), sent.get(1).mutationId());
        assertThat(sync.answersToAcknowledge(1)).containsExactly(sent.get(0).mutationId());
        sync.answersDelivered(acks);
        assertThat(sync.answersToAcknowledge(10)).isEmpty();
        assertThat(b.id()).isNotNull();
    }

    private void withConnection(dev.tododesktop.store.db.SqlWork<Void> work) {
        try (var db = dev.tododesktop.store.db.Database.open(store.file())) {
            db.write(work);
        }
    }

    @Test
    void duplicateDropsTheEntryAndAdoptsTheServerTask() {
        Task a = store.edits().create(TaskEdit.none().title("a"));
        Mutation create = sync.nextBatch(1).getFirst();

        sync.acknowledge(List.of(new MutationResult.Duplicate(create.mutationId(), Optional.of(serverTask(a, 4)))));
        // A resent answer for an entry already gone is ignored.
        sync.acknowledge(List.of(new MutationResult.Duplicate(create.mutationId(), Optional.of(serverTask(a, 4)))));

        assertThat(sync.pendingCount()).isZero();
        assertThat(store.tasks().get(a.id())).map(Task::serverVersion).contains(OptionalLong.of(4));
    }

    @Test
    void conflictRecordsBothValuesKeepsServerValueAndReappliesLaterEdits() {
        UUID id = UUID.randomUUID();
        sync.applyPull(List.of(serverTask(id, "original", 1)), "c1");
        store.edits().update(id, TaskEdit.none().title("mine").description("my notes"));
        store.edits().update(id, TaskEdit.none().priority(dev.tododesktop.store.tasks.Priority.HIGH));
        Mutation first = sync.nextBatch(10).getFirst();

        Task server = serverTask(id, "theirs", 2).task();
        Task serverAfterMerge = new Task(id, "theirs", "my notes", false, Optional.empty(),
                server.priority(), List.of(), Optional.empty(), server.createdAt(), server.updatedAt(),
                OptionalLong.of(3));
        sync.acknowledge(List.of(new MutationResult.Conflict(first.mutationId(),
                new ServerTask.Live(serverAfterMerge), Set.of(TaskField.TITLE, TaskField.DUE_AT))));  // due_at was not ours

        List<Conflict> conflicts = store.conflicts().open();
        assertThat(conflicts).singleElement().satisfies(c -> {
            assertThat(c.taskId()).isEqualTo(id);
            assertThat(c.field()).isEqualTo(TaskField.TITLE);
            assertThat(c.localValue()).isEqualTo(TaskEdit.none().title("mine"));
            assertThat(c.serverValue()).isEqualTo(TaskEdit.none().title("theirs"));
        });
        Task visible = store.tasks().get(id).orElseThrow();
        assertThat(visible.title()).isEqualTo("theirs");
        assertThat(visible.description()).isEqualTo("my notes");
        assertThat(visible.priority()).isEqualTo(dev.tododesktop.store.tasks.Priority.HIGH);
        // Another device changed the task since version 1 (the answer is 3, not 2), so the later edit
        // keeps the version the user saw: the server then merges its priority against that version
        // and reports a conflict if the other device set it too, instead of overwriting it unseen.
        assertThat(sync.pending()).singleElement().satisfies(m -> assertThat(m.baseVersion()).hasValue(1));
    }

    @Test
    void conflictWithATombstoneIsReportedAsAnError() {
        UUID id = UUID.randomUUID();
        sync.applyPull(List.of(serverTask(id, "x", 1)), "c1");
        store.edits().update(id, TaskEdit.none().title("edited offline"));
        Mutation update = sync.nextBatch(1).getFirst();

        sync.acknowledge(List.of(new MutationResult.Conflict(update.mutationId(),
                new ServerTask.Tombstone(id, 2), Set.of())));

        assertThat(store.tasks().get(id)).isEmpty();
        assertThat(store.conflicts().errors()).singleElement().satisfies(e -> {
            assertThat(e.mutationId()).isEqualTo(update.mutationId());
            assertThat(e.fields()).isEqualTo(TaskEdit.none().title("edited offline"));
            assertThat(e.message()).contains("deleted");
        });
    }

    @Test
    void invalidDropsTheEditAndTellsTheUser() {
        Task a = store.edits().create(TaskEdit.none().title(" "));
        Mutation create = sync.nextBatch(1).getFirst();

        sync.acknowledge(List.of(new MutationResult.Invalid(create.mutationId(), "title: must not be blank")));

        assertThat(sync.pendingCount()).isZero();
        assertThat(store.tasks().get(a.id())).isEmpty();
        assertThat(store.conflicts().errors()).singleElement().satisfies(e -> {
            assertThat(e.message()).isEqualTo("title: must not be blank");
            assertThat(e.type()).isEqualTo(MutationType.CREATE);
        });
        store.conflicts().dismissError(store.conflicts().errors().getFirst().id());
        assertThat(store.conflicts().errors()).isEmpty();
    }

    @Test
    void appliedDeleteWithoutTaskRemovesTheBase() {
        UUID id = UUID.randomUUID();
        sync.applyPull(List.of(serverTask(id, "x", 1)), "c1");
        store.edits().delete(id);
        Mutation delete = sync.nextBatch(1).getFirst();

        sync.acknowledge(List.of(new MutationResult.Applied(delete.mutationId(), Optional.empty())));

        assertThat(store.tasks().get(id)).isEmpty();
        assertThat(sync.pendingCount()).isZero();
        sync.applyPull(List.of(), "c2");
        assertThat(store.tasks().get(id)).isEmpty();
    }

    @Test
    void pullUpsertsDeletesAndKeepsPendingEditsOnTop() {
        UUID edited = UUID.randomUUID();
        UUID gone = UUID.randomUUID();
        sync.applyPull(List.of(serverTask(edited, "v1", 1), serverTask(gone, "bye", 1)), "c1");
        store.edits().update(edited, TaskEdit.none().description("my unsynced note"));
        Task local = store.edits().create(TaskEdit.none().title("offline"));

        sync.applyPull(List.of(serverTask(edited, "v2 from phone", 2), new ServerTask.Tombstone(gone, 2)), "c2");

        Task visible = store.tasks().get(edited).orElseThrow();
        assertThat(visible.title()).isEqualTo("v2 from phone");
        assertThat(visible.description()).isEqualTo("my unsynced note");
        assertThat(visible.serverVersion()).hasValue(2);
        assertThat(store.tasks().get(gone)).isEmpty();
        assertThat(store.tasks().get(local.id())).isPresent();
        assertThat(sync.cursor()).contains("c2");
        assertThat(sync.pendingCount()).isEqualTo(2);
        // The pending update still names the version the user edited.
        assertThat(sync.pending().getFirst().baseVersion()).hasValue(1);
    }

    @Test
    void pullIgnoresChangesOlderThanTheBase() {
        UUID id = UUID.randomUUID();
        sync.applyPull(List.of(serverTask(id, "new", 5)), "c1");
        sync.applyPull(List.of(serverTask(id, "old", 4), new ServerTask.Tombstone(id, 3)), "c2");
        assertThat(store.tasks().get(id)).map(Task::title).contains("new");
    }

    @Test
    void aTaskTwiceInOnePullEndsAtItsNewestState() {
        UUID id = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        sync.applyPull(List.of(serverTask(id, "v2", 2), serverTask(id, "v1", 1),
                serverTask(other, "here", 1), new ServerTask.Tombstone(other, 2)), "c1");
        assertThat(store.tasks().get(id)).map(Task::title).contains("v2");
        assertThat(store.tasks().get(other)).isEmpty();
    }

    @Test
    void pullAndCursorAreOneTransaction() throws Exception {
        UUID ok = UUID.randomUUID();
        UUID poisoned = UUID.randomUUID();
        sync.applyPull(List.of(), "c1");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + store.file());
             Statement st = c.createStatement()) {
            st.execute("CREATE TRIGGER poison BEFORE INSERT ON base_task WHEN NEW.id = '" + poisoned
                    + "' BEGIN SELECT RAISE(ABORT, 'poisoned'); END");
        }

        assertThatThrownBy(() -> sync.applyPull(List.of(serverTask(ok, "ok", 1), serverTask(poisoned, "p", 1)), "c2"))
                .isInstanceOf(StoreException.class);

        assertThat(sync.cursor()).contains("c1");
        assertThat(store.tasks().get(ok)).isEmpty();
    }

    @Test
    void resetForFullResyncClearsOnlyTheCursor() {
        store.edits().create(TaskEdit.none().title("pending"));
        sync.applyPull(List.of(serverTask(UUID.randomUUID(), "x", 1)), "c9");

        sync.resetForFullResync();

        assertThat(sync.cursor()).isEmpty();
        assertThat(sync.pendingCount()).isEqualTo(1);
        assertThat(store.tasks().count(dev.tododesktop.store.tasks.TaskQuery.of(clock.instant(), java.time.ZoneOffset.UTC)))
                .isEqualTo(2);
    }

    @Test
    void aLocalEditMadeWhileABatchIsInFlightIsNotLost() {
        Task a = store.edits().create(TaskEdit.none().title("a"));
        Mutation sent = sync.nextBatch(10).getFirst();
        clock.advance(Duration.ofSeconds(1));
        store.edits().update(a.id(), TaskEdit.none().title("edited during push"));

        sync.acknowledge(List.of(new MutationResult.Applied(sent.mutationId(), Optional.of(serverTask(a, 1)))));

        assertThat(store.tasks().get(a.id())).map(Task::title).contains("edited during push");
        assertThat(sync.nextBatch(10)).singleElement().satisfies(m -> {
            assertThat(m.fields().title().orElse("")).isEqualTo("edited during push");
            assertThat(m.baseVersion()).hasValue(1);
        });
    }
}
