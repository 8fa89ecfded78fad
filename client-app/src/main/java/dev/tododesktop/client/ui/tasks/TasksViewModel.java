package dev.tododesktop.client.ui.tasks;

import dev.tododesktop.store.session.UserStore;
import dev.tododesktop.store.tasks.StatusFilter;
import dev.tododesktop.store.tasks.Task;
import dev.tododesktop.store.tasks.TaskCounts;
import dev.tododesktop.store.tasks.TaskEdit;
import dev.tododesktop.store.tasks.TaskQuery;
import dev.tododesktop.store.tasks.TaskSort;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the task list: what is shown (filter, search, tag, sort), the tasks themselves, the
 * counts, and the one undoable action. Every read and write of the store runs on {@code io};
 * results are applied on {@code ui}. A change is shown only after the store has committed it
 * to disk, so what the screen says is done is done.
 */
public final class TasksViewModel {

    /** What Ctrl+Z would bring back. */
    public record Undo(String message, List<Task> deleted) {}

    private final UserStore store;
    private final Executor io;
    private final Executor ui;
    private final Clock clock;
    private final ZoneId zone;
    private final Runnable onLocalChange;

    private final ObservableList<Task> tasks = FXCollections.observableArrayList();
    private final ObservableList<String> tags = FXCollections.observableArrayList();
    private final ObjectProperty<StatusFilter> filter = new SimpleObjectProperty<>(StatusFilter.ALL);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<Optional<String>> tag = new SimpleObjectProperty<>(Optional.empty());
    private final ObjectProperty<TaskSort> sort = new SimpleObjectProperty<>(TaskSort.CREATED);
    private final ObjectProperty<Boolean> descending = new SimpleObjectProperty<>(false);
    private final StringProperty quickAddText = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<TaskCounts> counts = new ReadOnlyObjectWrapper<>(new TaskCounts(0, 0, 0, 0, 0));
    private final ReadOnlyStringWrapper leftText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Optional<Undo>> undo = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyIntegerWrapper openConflicts = new javafx.beans.property.ReadOnlyIntegerWrapper(0);

    /**
     * What the list is asked to show; set on the FX thread, read by io when a read runs. Each
     * change makes a new instance, so "still wanted" is an identity check.
     */
    private record Wanted(StatusFilter status, String search, Optional<String> tag, TaskSort sort,
                          boolean descending) {
        TaskQuery query(Clock clock, ZoneId zone) {
            var query = TaskQuery.of(clock.instant(), zone).withStatus(status).sortedBy(sort, descending);
            if (!search.isBlank()) {
                query = query.withSearch(search.strip());
            }
            return tag.map(query::withTag).orElse(query);
        }
    }

    private volatile Wanted wanted = new Wanted(StatusFilter.ALL, "", Optional.empty(), TaskSort.CREATED, false);
    private final dev.tododesktop.client.ui.NewestRead reads = new dev.tododesktop.client.ui.NewestRead();
    // A refresh asked for while another waits its turn on io would read the same rows: share it.
    // Sharing is safe because the read takes what is wanted when it runs, not when it was queued.
    private final java.util.concurrent.atomic.AtomicReference<CompletableFuture<Void>> queuedRefresh =
            new java.util.concurrent.atomic.AtomicReference<>();
    // The rows the list last took (set on the FX thread); io diffs new rows against them.
    private volatile List<Task> shown = List.of();

    public TasksViewModel(UserStore store, Executor io, Executor ui, Clock clock, ZoneId zone, Runnable onLocalChange) {
        this.store = Objects.requireNonNull(store);
        this.io = Objects.requireNonNull(io);
        this.ui = Objects.requireNonNull(ui);
        this.clock = Objects.requireNonNull(clock);
        this.zone = Objects.requireNonNull(zone);
        this.onLocalChange = Objects.requireNonNull(onLocalChange);
        filter.addListener((obs, was, now) -> wantedChanged());
        search.addListener((obs, was, now) -> wantedChanged());
        tag.addListener((obs, was, now) -> wantedChanged());
        sort.addListener((obs, was, now) -> wantedChanged());
        descending.addListener((obs, was, now) -> wantedChanged());
        counts.addListener((obs, was, now) -> leftText.set(now.active() == 1 ? "1 task left" : now.active() + " tasks left"));
    }

    /** On the FX thread: the list is to show something else; reads from now on take it. */
    private void wantedChanged() {
        wanted = new Wanted(filter.get(), search.get(), tag.get(), sort.get(), descending.get());
        refresh();
    }

    /**
     * Re-reads the list; also called when sync brought changes from elsewhere. Calls that come
     * while an earlier one has not started yet join it rather than read the store again: that
     * read takes the filter, search, tag and sort as they are when it runs.
     */
    public CompletableFuture<Void> refresh() {
        var fresh = new CompletableFuture<Void>();
        var queued = queuedRefresh.compareAndExchange(null, fresh);
        if (queued != null) {
            return queued;
        }
        // Leaves the queue before reading what is wanted, so a change after this point queues a new read.
        mutate(s -> queuedRefresh.compareAndSet(fresh, null), r -> { }).whenComplete((v, e) -> fresh.complete(null));
        return fresh;
    }

    /** Adds a task titled with the quick-add text; blank text adds nothing. */
    public CompletableFuture<Void> quickAdd() {
        String title = quickAddText.get().strip();
        if (title.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        quickAddText.set("");
        return mutate(s -> s.edits().create(TaskEdit.none().title(title)), created -> changed());
    }

    public CompletableFuture<Void> setCompleted(Task task, boolean completed) {
        return mutate(s -> s.edits().setCompleted(task.id(), completed), result -> changed());
    }

    public CompletableFuture<Void> toggleCompleted(Task task) {
        return setCompleted(task, !task.completed());
    }

    /** Renames; a blank title is refused here rather than sent to the store. */
    public CompletableFuture<Void> rename(Task task, String newTitle) {
        String title = newTitle.strip();
        if (title.isEmpty() || title.equals(task.title())) {
            return CompletableFuture.completedFuture(null);
        }
        return edit(task.id(), TaskEdit.none().title(title));
    }

    public CompletableFuture<Void> edit(UUID id, TaskEdit edit) {
        if (edit.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return mutate(s -> s.edits().update(id, edit), result -> changed());
    }

    public CompletableFuture<Void> delete(Task task) {
        return mutate(s -> s.edits().delete(task.id()), deleted -> {
            deleted.ifPresent(d -> undo.set(Optional.of(new Undo("Deleted “" + d.title() + "”", List.of(d)))));
            changed();
        });
    }

    public CompletableFuture<Void> clearCompleted() {
        return mutate(s -> {
            var done = s.tasks().list(TaskQuery.of(clock.instant(), zone).withStatus(StatusFilter.COMPLETED));
            return done.stream().map(t -> s.edits().delete(t.id())).flatMap(Optional::stream).toList();
        }, deleted -> {
            if (!deleted.isEmpty()) {
                undo.set(Optional.of(new Undo("Cleared " + deleted.size() + " completed", deleted)));
                changed();
            }
        });
    }

    /** Brings back what the last delete or clear removed, as new local edits. */
    public CompletableFuture<Void> undo() {
        var last = undo.get();
        if (last.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        undo.set(Optional.empty());
        return mutate(s -> last.get().deleted().stream().map(t -> s.edits().undoDelete(t)).toList(), restored -> changed());
    }

    private void changed() {
        message.set("");
        onLocalChange.run();
    }

    /** One read of everything the screen shows, made on io, landed on the FX thread. */
    private record Read(long ticket, Wanted wanted, List<Task> base, List<Task> rows, ListUpdate update,
                        TaskCounts counts, List<String> tags, int conflicts) {}

    /**
     * Runs {@code work} against the store on the io executor, then re-reads the list, counts and
     * tags there too, and applies everything on the ui executor. Failures become a message.
     */
    private <R> CompletableFuture<Void> mutate(Function<UserStore, R> work, java.util.function.Consumer<R> onDone) {
        var done = new CompletableFuture<Void>();
        io.execute(() -> {
            try {
                R result = work.apply(store);
                var read = read();
                ui.execute(() -> {
                    onDone.accept(result);
                    land(read);
                    done.complete(null);
                });
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    message.set("Could not save: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                    done.complete(null);
                });
            }
        });
        return done;
    }

    /** On io: what the screen should show now, for the list as it is wanted now. */
    private Read read() {
        long ticket = reads.start();
        var now = wanted;
        var query = now.query(clock, zone);
        var rows = store.tasks().list(query);
        var base = shown;
        return new Read(ticket, now, base, rows, ListUpdate.between(base, rows),
                store.tasks().counts(query.now(), zone), store.tasks().tags(), store.conflicts().open().size());
    }

    /**
     * On the FX thread. An older read never overwrites a newer one; rows read for a list that is
     * no longer wanted are dropped (the read for the new one is queued behind them).
     */
    private void land(Read read) {
        if (!reads.land(read.ticket())) {
            return;
        }
        if (read.wanted() == wanted) {
            if (shown == read.base()) {
                read.update().applyTo(tasks, read.rows());
            } else {
                tasks.setAll(read.rows()); // another read landed since this one was diffed
            }
            shown = read.rows();
        }
        counts.set(read.counts());
        openConflicts.set(read.conflicts());
        if (!tags.equals(read.tags())) {
            tags.setAll(read.tags());
        }
    }

    public ZoneId zone() { return zone; }
    public Clock clock() { return clock; }
    public ObservableList<Task> tasks() { return tasks; }
    public ObservableList<String> tags() { return tags; }
    public ObjectProperty<StatusFilter> filterProperty() { return filter; }
    public StringProperty searchProperty() { return search; }
    public ObjectProperty<Optional<String>> tagProperty() { return tag; }
    public ObjectProperty<TaskSort> sortProperty() { return sort; }
    public ObjectProperty<Boolean> descendingProperty() { return descending; }
    public StringProperty quickAddTextProperty() { return quickAddText; }
    public ReadOnlyObjectProperty<TaskCounts> countsProperty() { return counts.getReadOnlyProperty(); }
    public ReadOnlyStringProperty leftTextProperty() { return leftText.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Optional<Undo>> undoProperty() { return undo.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public javafx.beans.property.ReadOnlyIntegerProperty openConflictsProperty() { return openConflicts.getReadOnlyProperty(); }
}
