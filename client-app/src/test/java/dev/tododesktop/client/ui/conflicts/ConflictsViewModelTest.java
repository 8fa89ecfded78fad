package dev.tododesktop.client.ui.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.store.session.UserStore;
import dev.tododesktop.store.sync.MutationResult;
import dev.tododesktop.store.sync.ServerTask;
import dev.tododesktop.store.tasks.Priority;
import dev.tododesktop.store.tasks.Task;
import dev.tododesktop.store.tasks.TaskEdit;
import dev.tododesktop.store.tasks.TaskField;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Conflicts as the sync engine records them in a real store, shown and settled through the view model. */
class ConflictsViewModelTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    UserStore store;
    final AtomicInteger resolved = new AtomicInteger();
    ConflictsViewModel model;
    Task task;

    @BeforeEach
    void recordAConflict() {
        store = UserStore.open(dir.resolve("user.db"), CLOCK);
        task = store.edits().create(TaskEdit.none().title("Plan trip").priority(Priority.LOW));
        var created = store.sync().nextBatch(10).getFirst();
        var onServer = task.withServerVersion(OptionalLong.of(1));
        store.sync().acknowledge(List.of(new MutationResult.Applied(created.mutationId(), Optional.of(new ServerTask.Live(onServer)))));

        store.edits().update(task.id(), TaskEdit.none().priority(Priority.HIGH));
        var mine = store.sync().nextBatch(10).getFirst();
        var theirs = onServer.apply(TaskEdit.none().priority(Priority.MEDIUM), CLOCK.instant()).withServerVersion(OptionalLong.of(2));
        store.sync().acknowledge(List.of(new MutationResult.Conflict(mine.mutationId(), new ServerTask.Live(theirs), Set.of(TaskField.PRIORITY))));

        model = new ConflictsViewModel(store, Runnable::run, Runnable::run, ZoneOffset.UTC, resolved::incrementAndGet);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void showsBothValuesOfTheField() {
        model.load().join();
        assertThat(model.rows()).containsExactly(new ConflictsViewModel.Row(
                model.rows().getFirst().id(), "Plan trip", "Priority", "high", "medium"));
    }

    @Test
    void keepingMineQueuesItAgainAndKeepingTheirsSendsNothing() {
        model.load().join();
        model.keepMine(model.rows().getFirst()).join();
        assertThat(model.rows()).isEmpty();
        assertThat(resolved).hasValue(1);
        assertThat(store.tasks().get(task.id()).orElseThrow().priority()).isEqualTo(Priority.HIGH);
        assertThat(store.sync().pendingCount()).isEqualTo(1);
    }

    @Test
    void keepingTheirsLeavesTheServerValue() {
        model.load().join();
        model.keepTheirs(model.rows().getFirst()).join();
        assertThat(model.rows()).isEmpty();
        assertThat(store.tasks().get(task.id()).orElseThrow().priority()).isEqualTo(Priority.MEDIUM);
        assertThat(store.sync().pendingCount()).isZero();
    }

    @Test
    void anOlderReadLandingAfterANewerOneDoesNotBringASettledConflictBack() {
        var io = new java.util.ArrayDeque<Runnable>();
        var fx = new java.util.ArrayList<Runnable>();
        var slow = new ConflictsViewModel(store, io::add, fx::add, ZoneOffset.UTC, () -> { });
        slow.load();
        io.poll().run(); // read: one open conflict
        store.conflicts().resolve(store.conflicts().open().getFirst().id(), dev.tododesktop.store.conflicts.Resolution.KEEP_SERVER);
        slow.load();
        io.poll().run(); // read: none
        // Two io threads could hand the results over in either order.
        fx.get(1).run();
        fx.get(0).run();
        assertThat(slow.rows()).isEmpty();
    }
}
