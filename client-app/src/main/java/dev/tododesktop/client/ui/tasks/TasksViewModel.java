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
import java.util.concurrent.atomic.AtomicLong;
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
    // Search-as-you-type issues a query per key; only the newest one may repaint the list.
    private final AtomicLong generation = new AtomicLong();
    // A refresh asked for while another waits its turn on io would read the same rows: share it.
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
        filter.addListener((obs, was, now) -> refresh());
        search.addListener((obs, was, now) -> refresh());
        tag.addListener((obs, was, now) -> refresh());
        sort.addListener((obs, was, now) -> refresh());
        descending.addListener((obs, was, now) -> refresh());
        counts.addListener((obs, was, now) -> leftText.set(now.active() == 1 ? "1 task left" : now.active() + " tasks left"));
    }

    /**
     * Re-reads the list; also called when sync brought changes from elsewhere. Calls that come
     * while an earlier one has not started yet join it rather than read the store again.
     */
    public CompletableFuture<Void> refresh() {
        var fresh = new CompletableFuture<Void>();
        var queued = queuedRefresh.compareAndExchange(null, fresh);
        if (queued != null) {
            return queued;
        }
        mutate(s -> {
            queuedRefresh.compareAndSet(fresh, null);
            return null;
        }, r -> { }).whenComplete((v, e) -> fresh.complete(null));
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

    /**
     * Runs {@code work} against the store on the io executor, then re-reads the list, counts and
     * tags there too, and applies everything on the ui executor. Failures become a message.
     */
    private <R> CompletableFuture<Void> mutate(Function<UserStore, R> work, java.util.function.Consumer<R> onDone) {
        long ticket = generation.incrementAndGet();
        var query = currentQuery();
        var done = new CompletableFuture<Void>();
        io.execute(() -> {
            try {
                R result = work.apply(store);
                var rows = store.tasks().list(query);
                var base = shown;
                var update = ListUpdate.between(base, rows);
                var newCounts = store.tasks().counts(query.now(), zone);
                var newTags = store.tasks().tags();
                int conflicts = store.conflicts().open().size();
                ui.execute(() -> {
                    onDone.accept(result);
                    if (ticket == generation.get()) {
                        if (shown == base) {
                            update.applyTo(tasks, rows);
                        } else {
                            tasks.setAll(rows); // another read landed since this one was diffed
                        }
                        shown = rows;
                    }
                    counts.set(newCounts);
                    openConflicts.set(conflicts);
                    if (!tags.equals(newTags)) {
                        tags.setAll(newTags);
                    }
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

    private TaskQuery currentQuery() {
        var query = TaskQuery.of(clock.instant(), zone)
                .withStatus(filter.get())
                .sortedBy(sort.get(), descending.get());
        if (!search.get().isBlank()) {
            query = query.withSearch(search.get().strip());
        }
        if (tag.get().isPresent()) {
            query = query.withTag(tag.get().get());
        }
        return query;
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
