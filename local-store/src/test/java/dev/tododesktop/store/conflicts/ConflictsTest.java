package dev.tododesktop.store.conflicts;

import static dev.tododesktop.store.Fixtures.serverTask;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.store.outbox.Mutation;
import dev.tododesktop.store.outbox.MutationType;
import dev.tododesktop.store.session.StoreFixture;
import dev.tododesktop.store.session.UserStore;
import dev.tododesktop.store.sync.MutationResult;
import dev.tododesktop.store.tasks.Task;
import dev.tododesktop.store.tasks.TaskEdit;
import dev.tododesktop.store.tasks.TaskField;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConflictsTest {
    @TempDir
    Path dir;
    UserStore store;
    UUID id = UUID.randomUUID();

    @BeforeEach
    void conflictOnTitle() {
        store = StoreFixture.open(dir, StoreFixture.clock());
        store.sync().applyPull(List.of(serverTask(id, "original", 1)), "c1");
        store.edits().update(id, TaskEdit.none().title("mine"));
        Mutation m = store.sync().nextBatch(1).getFirst();
        store.sync().acknowledge(List.of(new MutationResult.Conflict(m.mutationId(),
                serverTask(id, "theirs", 2), Set.of(TaskField.TITLE))));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void keepingLocalQueuesAnUpdateBasedOnTheServersVersion() {
        Conflict conflict = store.conflicts().open().getFirst();

        Task task = store.conflicts().resolve(conflict.id(), Resolution.KEEP_LOCAL).orElseThrow();

        assertThat(task.title()).isEqualTo("mine");
        assertThat(store.conflicts().open()).isEmpty();
        assertThat(store.sync().pending()).singleElement().satisfies(m -> {
            assertThat(m.type()).isEqualTo(MutationType.UPDATE);
            assertThat(m.baseVersion()).hasValue(2);
            assertThat(m.fields()).isEqualTo(TaskEdit.none().title("mine"));
        });
    }

    @Test
    void keepingServerQueuesNothing() {
        Conflict conflict = store.conflicts().open().getFirst();

        assertThat(store.conflicts().resolve(conflict.id(), Resolution.KEEP_SERVER))
                .map(Task::title).contains("theirs");
        assertThat(store.conflicts().open()).isEmpty();
        assertThat(store.sync().pendingCount()).isZero();
        assertThat(store.conflicts().resolve(conflict.id(), Resolution.KEEP_LOCAL)).isEmpty();
    }

    @Test
    void aTombstoneClosesTheTasksConflicts() {
        store.sync().applyPull(List.of(new dev.tododesktop.store.sync.ServerTask.Tombstone(id, 3)), "c2");
        assertThat(store.conflicts().open()).isEmpty();
    }
}
