package dev.tododesktop.client.ui.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.store.session.UserStore;
import dev.tododesktop.store.tasks.Priority;
import dev.tododesktop.store.tasks.StatusFilter;
import dev.tododesktop.store.tasks.Task;
import dev.tododesktop.store.tasks.TaskEdit;
import dev.tododesktop.store.tasks.TaskSort;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The task list's view model over a real SQLite store; executors run inline so each call is complete when it returns. */
class TasksViewModelTest {

    static final ZoneId ZONE = ZoneOffset.UTC;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZONE);

    @TempDir
    Path dir;
    UserStore store;
    TasksViewModel model;
    TaskEditorViewModel editor;
    final AtomicInteger localChanges = new AtomicInteger();

    @BeforeEach
    void open() {
        store = UserStore.open(dir.resolve("user.db"), CLOCK);
        model = new TasksViewModel(store, Runnable::run, Runnable::run, CLOCK, ZONE, localChanges::incrementAndGet);
        editor = new TaskEditorViewModel(model);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Task add(String title) {
        model.quickAddTextProperty().set(title);
        model.quickAdd().join();
        return model.tasks().stream().filter(t -> t.title().equals(title.strip())).findFirst().orElseThrow();
    }

    @Test
    void quickAddStoresTheTaskBeforeItIsShownAndAsksForASync() {
        add("  Buy milk ");
        assertThat(model.quickAddTextProperty().get()).isEmpty();
        assertThat(model.tasks()).extracting(Task::title).containsExactly("Buy milk");
        assertThat(store.tasks().list(dev.tododesktop.store.tasks.TaskQuery.of(CLOCK.instant(), ZONE)))
                .extracting(Task::title).containsExactly("Buy milk");
        assertThat(store.hasUnsyncedChanges()).isTrue();
        assertThat(localChanges).hasValue(1);
        assertThat(model.leftTextProperty().get()).isEqualTo("1 task left");
    }

    @Test
    void blankQuickAddAddsNothing() {
        model.quickAddTextProperty().set("   ");
        model.quickAdd().join();
        assertThat(model.tasks()).isEmpty();
        assertThat(localChanges).hasValue(0);
    }

    @Test
    void completingFilteringAndCounting() {
        var milk = add("Buy milk");
        add("Walk the dog");
        model.toggleCompleted(milk).join();
        assertThat(model.leftTextProperty().get()).isEqualTo("1 task left");

        model.filterProperty().set(StatusFilter.ACTIVE);
        model.refresh().join();
        assertThat(model.tasks()).extracting(Task::title).containsExactly("Walk the dog");
        model.filterProperty().set(StatusFilter.COMPLETED);
        model.refresh().join();
        assertThat(model.tasks()).extracting(Task::title).containsExactly("Buy milk");
    }

    @Test
    void searchIsCaseInsensitiveAndLiteral() {
        add("Pay 100% of rent");
        add("Payday party");
        model.searchProperty().set("100%");
        model.refresh().join();
        assertThat(model.tasks()).extracting(Task::title).containsExactly("Pay 100% of rent");
        model.searchProperty().set("PAY");
        model.refresh().join();
        assertThat(model.tasks()).hasSize(2);
    }

    @Test
    void deleteCanBeUndoneAndClearCompletedToo() {
        var milk = add("Buy milk");
        var dog = add("Walk the dog");
        model.delete(milk).join();
        assertThat(model.tasks()).extracting(Task::title).containsExactly("Walk the dog");
        assertThat(model.undoProperty().get()).hasValueSatisfying(u -> assertThat(u.message()).contains("Buy milk"));

        model.undo().join();
        assertThat(model.tasks()).extracting(Task::title).containsExactlyInAnyOrder("Buy milk", "Walk the dog");
        assertThat(model.undoProperty().get()).isEmpty();

        model.setCompleted(dog, true).join();
        model.clearCompleted().join();
        assertThat(model.tasks()).extracting(Task::title).containsExactly("Buy milk");
        assertThat(model.undoProperty().get()).hasValueSatisfying(u -> assertThat(u.message()).isEqualTo("Cleared 1 completed"));
        model.undo().join();
        assertThat(model.tasks()).hasSize(2);
    }

    @Test
    void renameIgnoresBlankAndUnchangedTitles() {
        var milk = add("Buy milk");
        int before = localChanges.get();
        model.rename(milk, "   ").join();
        model.rename(milk, "Buy milk").join();
        assertThat(localChanges).hasValue(before);
        model.rename(milk, "Buy oat milk").join();
        assertThat(model.tasks()).extracting(Task::title).containsExactly("Buy oat milk");
    }

    @Test
    void theEditorSavesOnlyChangedFieldsAndUsesTheContractRules() {
        var milk = add("Buy milk");
        editor.show(Optional.of(milk));
        editor.descriptionProperty().set("Oat, not cow");
        editor.priorityProperty().set(Priority.HIGH);
        editor.tagsTextProperty().set("errands, Home, home, ");
        editor.dueDateProperty().set(LocalDate.of(2026, 11, 24));
        editor.save().join();

        Task saved = model.tasks().getFirst();
        assertThat(saved.description()).isEqualTo("Oat, not cow");
        assertThat(saved.priority()).isEqualTo(Priority.HIGH);
        assertThat(saved.tags()).containsExactly("errands", "Home");
        assertThat(saved.dueAt()).contains(Instant.parse("2026-11-24T23:59:00Z"));
        assertThat(model.countsProperty().get().dueToday()).isEqualTo(1);

        editor.show(Optional.of(saved));
        editor.titleProperty().set("x".repeat(201));
        editor.save().join();
        assertThat(editor.errorProperty().get()).isNotEmpty();
        assertThat(model.tasks().getFirst().title()).isEqualTo("Buy milk");

        editor.titleProperty().set("Buy milk");
        editor.dueDateProperty().set(null);
        editor.save().join();
        assertThat(model.tasks().getFirst().dueAt()).isEmpty();
    }

    @Test
    void sortingByTitleAndTagFilter() {
        var b = add("banana");
        add("Apple");
        model.edit(b.id(), TaskEdit.none().tags(java.util.List.of("fruit"))).join();
        model.sortProperty().set(TaskSort.TITLE);
        model.refresh().join();
        assertThat(model.tasks()).extracting(Task::title).containsExactly("Apple", "banana");
        assertThat(model.tags()).containsExactly("fruit");
        model.tagProperty().set(Optional.of("FRUIT"));
        model.refresh().join();
        assertThat(model.tasks()).extracting(Task::title).containsExactly("banana");
    }

    /** Tasks as the server sends them, so the store treats them as changes from elsewhere. */
    private void pulled(String cursor, Task... tasks) {
        store.sync().applyPull(java.util.Arrays.stream(tasks)
                .map(t -> new dev.tododesktop.store.sync.ServerTask.Live(t.withServerVersion(java.util.OptionalLong.of(1))))
                .toList(), cursor);
    }

    private java.util.List<String> recordChanges() {
        var changes = new java.util.ArrayList<String>();
        model.tasks().addListener((javafx.collections.ListChangeListener<Task>) change -> {
            while (change.next()) {
                changes.add(change.wasReplaced() ? "replaced " + change.getFrom() + ".." + change.getTo()
                        : change.wasAdded() ? "added " + change.getAddedSize() : "removed " + change.getRemovedSize());
            }
        });
        return changes;
    }

    @Test
    void aRefreshThatFindsNothingNewLeavesTheListAlone() {
        add("one");
        add("two");
        var before = java.util.List.copyOf(model.tasks());
        var changes = recordChanges();
        model.refresh().join();
        assertThat(changes).isEmpty();
        assertThat(model.tasks()).containsExactlyElementsOf(before).hasSize(2);
    }

    @Test
    void aTaskChangedElsewhereReplacesOnlyItsRowSoTheRestKeepsSelectionAndScroll() {
        pulled("c0", java.util.stream.IntStream.range(0, 30)
                .mapToObj(i -> Task.created(java.util.UUID.randomUUID(), TaskEdit.none().title("task " + i), CLOCK.instant()))
                .toArray(Task[]::new));
        model.refresh().join();
        var before = java.util.List.copyOf(model.tasks());
        var changes = recordChanges();
        pulled("c1", before.get(7).apply(TaskEdit.none().title("renamed elsewhere"), CLOCK.instant()));
        model.refresh().join();
        assertThat(changes).containsExactly("replaced 7..8");
        assertThat(model.tasks().get(7).title()).isEqualTo("renamed elsewhere");
        for (int i = 0; i < 30; i++) {
            if (i != 7) {
                assertThat(model.tasks().get(i)).isSameAs(before.get(i));
            }
        }
    }

    @Test
    void aNewTaskFromElsewhereOrManyChangesReplaceTheWholeList() {
        for (int i = 0; i < 3; i++) {
            add("task " + i);
        }
        var changes = recordChanges();
        pulled("c1", Task.created(java.util.UUID.randomUUID(), TaskEdit.none().title("from elsewhere"), CLOCK.instant()));
        model.refresh().join();
        assertThat(changes).containsExactly("replaced 0..4");
        assertThat(model.tasks()).extracting(Task::title).contains("from elsewhere").hasSize(4);
    }

    @Test
    void refreshesAskedForWhileOneWaitsShareIt() {
        var queued = new java.util.ArrayDeque<Runnable>();
        var slow = new TasksViewModel(store, queued::add, Runnable::run, CLOCK, ZONE, () -> { });
        var first = slow.refresh();
        var second = slow.refresh();
        var third = slow.refresh();
        assertThat(queued).hasSize(1);
        assertThat(second).isSameAs(first);
        assertThat(third).isSameAs(first);
        queued.poll().run();
        assertThat(first).isDone();
        slow.refresh();
        assertThat(queued).as("a refresh after the shared one has started reads again").hasSize(1);
    }

    // --- issue 20: a read shows the list as asked for when it runs, not when it was queued ----------

    /** An io executor the test runs by hand, so a read can be held queued while the screen changes. */
    private TasksViewModel heldIo(java.util.ArrayDeque<Runnable> queue) {
        return new TasksViewModel(store, queue::add, Runnable::run, CLOCK, ZONE, () -> { });
    }

    private static void runAll(java.util.ArrayDeque<Runnable> queue) {
        while (!queue.isEmpty()) {
            queue.poll().run();
        }
    }

    private void stored(String... titles) {
        for (String title : titles) {
            store.edits().create(TaskEdit.none().title(title));
        }
    }

    @Test
    void aSearchChangedWhileAReadWaitsShowsTheNewestSearchsRows() {
        stored("Buy milk", "Walk the dog", "Milk the cow");
        var queue = new java.util.ArrayDeque<Runnable>();
        var slow = heldIo(queue);
        slow.searchProperty().set("milk");
        slow.searchProperty().set(""); // cleared before the io thread got to the first read
        runAll(queue);
        assertThat(slow.tasks()).extracting(Task::title).containsExactlyInAnyOrder("Buy milk", "Walk the dog", "Milk the cow");

        slow.searchProperty().set("dog");
        slow.filterProperty().set(StatusFilter.ACTIVE);
        slow.sortProperty().set(TaskSort.TITLE);
        slow.searchProperty().set("MILK");
        runAll(queue);
        assertThat(slow.tasks()).extracting(Task::title).containsExactly("Buy milk", "Milk the cow");
    }

    @Test
    void theFilterTagAndSortAsTheyAreWhenTheReadRunsWinToo() {
        var milk = store.edits().create(TaskEdit.none().title("b milk").tags(java.util.List.of("shop")));
        stored("a dog");
        store.edits().setCompleted(milk.id(), true);
        var queue = new java.util.ArrayDeque<Runnable>();
        var slow = heldIo(queue);
        slow.refresh();
        slow.tagProperty().set(Optional.of("shop"));
        slow.filterProperty().set(StatusFilter.COMPLETED);
        runAll(queue);
        assertThat(slow.tasks()).extracting(Task::title).containsExactly("b milk");

        slow.tagProperty().set(Optional.empty());
        slow.filterProperty().set(StatusFilter.ALL);
        slow.sortProperty().set(TaskSort.TITLE);
        slow.descendingProperty().set(true);
        runAll(queue);
        assertThat(slow.tasks()).extracting(Task::title).containsExactly("b milk", "a dog");
    }

    @Test
    void aSyncLandingBetweenTwoSearchChangesShowsTheNewestSearchWithTheSyncedRows() {
        stored("Buy milk", "Bake bread");
        var queue = new java.util.ArrayDeque<Runnable>();
        var slow = heldIo(queue);
        slow.refresh();
        runAll(queue);

        slow.searchProperty().set("milk");
        pulled("c1", Task.created(java.util.UUID.randomUUID(), TaskEdit.none().title("Rye bread"), CLOCK.instant()));
        slow.refresh(); // what the sync engine's remote-change listener calls
        slow.searchProperty().set("bread");
        runAll(queue);
        assertThat(slow.tasks()).extracting(Task::title).containsExactlyInAnyOrder("Bake bread", "Rye bread");
    }

    @Test
    void aReadThatRanBeforeTheSearchChangedDoesNotRepaintTheListAfterIt() {
        stored("Buy milk", "Bake bread");
        var io = new java.util.ArrayDeque<Runnable>();
        var fx = new java.util.ArrayDeque<Runnable>();
        var slow = new TasksViewModel(store, io::add, fx::add, CLOCK, ZONE, () -> { });
        slow.searchProperty().set("milk");
        runAll(io); // read for "milk" done; its rows wait for the FX thread
        slow.searchProperty().set("bread");
        pulled("c1", Task.created(java.util.UUID.randomUUID(), TaskEdit.none().title("Rye bread"), CLOCK.instant()));
        slow.refresh();
        runAll(fx); // the "milk" rows arrive: too late to show
        assertThat(slow.tasks()).extracting(Task::title).doesNotContain("Buy milk");
        runAll(io);
        runAll(fx);
        assertThat(slow.tasks()).extracting(Task::title).containsExactlyInAnyOrder("Bake bread", "Rye bread");
    }
}
