package dev.tododesktop.store.edits;

import static dev.tododesktop.store.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tododesktop.store.Fixtures;
import dev.tododesktop.testing.MutableClock;
import dev.tododesktop.store.StoreException;
import dev.tododesktop.store.outbox.Mutation;
import dev.tododesktop.store.outbox.MutationType;
import dev.tododesktop.store.session.StoreFixture;
import dev.tododesktop.store.session.UserStore;
import dev.tododesktop.store.tasks.Priority;
import dev.tododesktop.store.tasks.Task;
import dev.tododesktop.store.tasks.TaskEdit;
import dev.tododesktop.store.tasks.TaskField;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalEditsTest {
    @TempDir
    Path dir;
    MutableClock clock;
    UserStore store;

    @BeforeEach
    void open() {
        clock = StoreFixture.clock();
        store = StoreFixture.open(dir, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void createShowsTheTaskAndQueuesACreateWithoutBaseVersion() {
        Instant due = T0.plus(Duration.ofDays(2));
        Task task = store.edits().create(TaskEdit.none().title("Buy milk").priority(Priority.HIGH)
                .tags(List.of("home", "errands")).dueAt(due));

        assertThat(task.title()).isEqualTo("Buy milk");
        assertThat(task.priority()).isEqualTo(Priority.HIGH);
        assertThat(task.tags()).containsExactly("home", "errands");
        assertThat(task.dueAt()).contains(due);
        assertThat(task.createdAt()).isEqualTo(T0);
        assertThat(task.serverVersion()).isEmpty();
        assertThat(task.id().version()).isEqualTo(7);
        assertThat(store.tasks().get(task.id())).contains(task);

        List<Mutation> outbox = store.sync().nextBatch(10);
        assertThat(outbox).singleElement().satisfies(m -> {
            assertThat(m.type()).isEqualTo(MutationType.CREATE);
            assertThat(m.taskId()).isEqualTo(task.id());
            assertThat(m.baseVersion()).isEmpty();
            assertThat(m.fields().fields()).containsExactlyInAnyOrder(
                    TaskField.TITLE, TaskField.PRIORITY, TaskField.TAGS, TaskField.DUE_AT);
        });
    }

    @Test
    void updateOfASyncedTaskCarriesItsVersionAndOnlyTheFieldsItSets() {
        UUID id = UUID.randomUUID();
        store.sync().applyPull(List.of(Fixtures.serverTask(id, "From server", 7)), "c1");
        clock.advance(Duration.ofMinutes(1));

        Optional<Task> updated = store.edits().update(id, TaskEdit.none().description("details"));

        assertThat(updated).hasValueSatisfying(t -> {
            assertThat(t.title()).isEqualTo("From server");
            assertThat(t.description()).isEqualTo("details");
            assertThat(t.updatedAt()).isEqualTo(clock.instant());
            assertThat(t.serverVersion()).hasValue(7);
        });
        assertThat(store.sync().nextBatch(10)).singleElement().satisfies(m -> {
            assertThat(m.type()).isEqualTo(MutationType.UPDATE);
            assertThat(m.baseVersion()).hasValue(7);
            assertThat(m.fields()).isEqualTo(TaskEdit.none().description("details"));
        });
    }

    @Test
    void clearingTheDueDateIsAnEditOfItsOwn() {
        Task task = store.edits().create(TaskEdit.none().title("x").dueAt(T0));
        Task cleared = store.edits().update(task.id(), TaskEdit.none().clearDueAt()).orElseThrow();

        assertThat(cleared.dueAt()).isEmpty();
        Mutation update = pending().get(1);
        assertThat(update.fields().fields()).containsExactly(TaskField.DUE_AT);
        assertThat(update.fields().dueAt().orElse(Optional.of(T0))).isEmpty();
    }

    @Test
    void completingSetsCompletedAtAndQueuesSetCompleted() {
        Task task = store.edits().create(TaskEdit.none().title("x"));
        clock.advance(Duration.ofHours(1));

        Task done = store.edits().setCompleted(task.id(), true).orElseThrow();
        assertThat(done.completed()).isTrue();
        assertThat(done.completedAt()).contains(clock.instant());

        Task undone = store.edits().setCompleted(task.id(), false).orElseThrow();
        assertThat(undone.completed()).isFalse();
        assertThat(undone.completedAt()).isEmpty();
        assertThat(pending()).extracting(Mutation::type)
                .containsExactly(MutationType.CREATE, MutationType.SET_COMPLETED, MutationType.SET_COMPLETED);
    }

    @Test
    void deleteHidesTheTaskAndUndoRecreatesItsFields() {
        Task task = store.edits().create(TaskEdit.none().title("keep me").tags(List.of("a")).priority(Priority.LOW));
        Task snapshot = store.edits().delete(task.id()).orElseThrow();

        assertThat(store.tasks().get(task.id())).isEmpty();
        assertThat(pending()).extracting(Mutation::type).containsExactly(MutationType.CREATE, MutationType.DELETE);

        Task restored = store.edits().undoDelete(snapshot);
        assertThat(restored.id()).isNotEqualTo(task.id());
        assertThat(restored.title()).isEqualTo("keep me");
        assertThat(restored.tags()).containsExactly("a");
        assertThat(restored.priority()).isEqualTo(Priority.LOW);
        assertThat(pending()).hasSize(3);
    }

    @Test
    void editsOfMissingTasksChangeNothing() {
        UUID missing = UUID.randomUUID();
        assertThat(store.edits().update(missing, TaskEdit.none().title("x"))).isEmpty();
        assertThat(store.edits().setCompleted(missing, true)).isEmpty();
        assertThat(store.edits().delete(missing)).isEmpty();
        assertThat(store.sync().pendingCount()).isZero();
    }

    @Test
    void anEmptyEditQueuesNothing() {
        Task task = store.edits().create(TaskEdit.none().title("x"));
        assertThat(store.edits().update(task.id(), TaskEdit.none())).contains(task);
        assertThat(store.sync().pendingCount()).isEqualTo(1);
    }

    @Test
    void creatingAnExistingIdIsRefused() {
        Task task = store.edits().create(TaskEdit.none().title("x"));
        assertThatThrownBy(() -> store.edits().create(task.id(), TaskEdit.none().title("y")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.sync().pendingCount()).isEqualTo(1);
    }

    @Test
    void editAndOutboxEntryAreOneTransaction() throws Exception {
        Task task = store.edits().create(TaskEdit.none().title("before"));
        // Make the next outbox insert fail inside SQLite itself, after the edit's other work.
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + store.file());
             Statement st = c.createStatement()) {
            st.execute("CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk says no'); END");
        }

        assertThatThrownBy(() -> store.edits().update(task.id(), TaskEdit.none().title("after")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("disk says no");

        assertThat(store.tasks().get(task.id())).map(Task::title).contains("before");
        assertThat(store.sync().pendingCount()).isEqualTo(1);
    }

    @Test
    void hostileTextIsStoredLiterally() {
        String title = "'; DROP TABLE task; -- \"quoted\" 100% _under_ \\ 🎉 مرحبا \u202Eevil";
        String description = "x".repeat(10_000);
        Task task = store.edits().create(TaskEdit.none().title(title).description(description)
                .tags(List.of("5:ab", "=", "%", "🏷️")));

        Task read = store.tasks().get(task.id()).orElseThrow();
        assertThat(read.title()).isEqualTo(title);
        assertThat(read.description()).isEqualTo(description);
        assertThat(read.tags()).containsExactly("5:ab", "=", "%", "🏷️");
        assertThat(pending().getFirst().fields().title().orElse("")).isEqualTo(title);
    }

    @Test
    void aSyncedTaskKeepsItsServerVersionWhileEdited() {
        UUID id = UUID.randomUUID();
        store.sync().applyPull(List.of(Fixtures.serverTask(id, "s", 3)), "c");
        store.edits().setCompleted(id, true);
        assertThat(store.tasks().get(id)).map(Task::serverVersion).contains(OptionalLong.of(3));
    }

    private List<Mutation> pending() {
        return store.sync().pending();
    }
}
