package dev.tododesktop.client.ui.tasks;

import dev.tododesktop.contract.FieldError;
import dev.tododesktop.contract.tasks.TaskUpdate;
import dev.tododesktop.contract.tasks.TaskValidator;
import dev.tododesktop.store.tasks.Priority;
import dev.tododesktop.store.tasks.Task;
import dev.tododesktop.store.tasks.TaskEdit;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The detail pane: a copy of the selected task's fields that the user edits, checked with the
 * contract's own rules, and saved as one local edit of just the fields that changed.
 */
public final class TaskEditorViewModel {

    /** Due dates are picked as days; a day's task is due at the end of that day, local time. */
    static final LocalTime DUE_TIME = LocalTime.of(23, 59);

    private final TasksViewModel tasks;
    private final ObjectProperty<Optional<Task>> task = new SimpleObjectProperty<>(Optional.empty());
    private Optional<Task> latest = Optional.empty();
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final ObjectProperty<Priority> priority = new SimpleObjectProperty<>(Priority.NONE);
    private final StringProperty tagsText = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> dueDate = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final BooleanBinding editing;

    public TaskEditorViewModel(TasksViewModel tasks) {
        this.tasks = tasks;
        editing = Bindings.createBooleanBinding(() -> task.get().isPresent(), task);
        task.addListener((obs, was, now) -> load(now));
    }

    public void show(Optional<Task> selected) {
        // The same task again (a refresh, a sync) keeps what the user is typing; the newest
        // stored version still becomes the baseline a save compares against.
        if (selected.isPresent() && selected.map(Task::id).equals(task.get().map(Task::id))) {
            latest = selected;
            return;
        }
        latest = selected;
        task.set(selected);
    }

    private void load(Optional<Task> t) {
        error.set("");
        title.set(t.map(Task::title).orElse(""));
        description.set(t.map(Task::description).orElse(""));
        priority.set(t.map(Task::priority).orElse(Priority.NONE));
        tagsText.set(t.map(x -> String.join(", ", x.tags())).orElse(""));
        dueDate.set(t.flatMap(Task::dueAt).map(d -> LocalDate.ofInstant(d, tasks.zone())).orElse(null));
    }

    public CompletableFuture<Void> save() {
        var current = latest;
        if (current.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        var t = current.get();
        List<String> tags = parseTags(tagsText.get());
        Optional<Instant> due = Optional.ofNullable(dueDate.get())
                .map(d -> d.atTime(DUE_TIME).atZone(tasks.zone()).toInstant());

        List<FieldError> problems = TaskValidator.validate(TaskUpdate.empty()
                .withTitle(title.get().strip())
                .withDescription(description.get())
                .withTags(tags));
        if (!problems.isEmpty()) {
            error.set(problems.stream().map(FieldError::message).reduce((a, b) -> a + " " + b).orElse(""));
            return CompletableFuture.completedFuture(null);
        }
        error.set("");
        var edit = TaskEdit.none();
        if (!title.get().strip().equals(t.title())) {
            edit = edit.title(title.get().strip());
        }
        if (!description.get().equals(t.description())) {
            edit = edit.description(description.get());
        }
        if (priority.get() != t.priority()) {
            edit = edit.priority(priority.get());
        }
        if (!tags.equals(t.tags())) {
            edit = edit.tags(tags);
        }
        if (!sameDay(due, t.dueAt())) {
            edit = due.isPresent() ? edit.dueAt(due.get()) : edit.clearDueAt();
        }
        return tasks.edit(t.id(), edit);
    }

    private boolean sameDay(Optional<Instant> a, Optional<Instant> b) {
        return a.map(x -> LocalDate.ofInstant(x, tasks.zone())).equals(b.map(x -> LocalDate.ofInstant(x, tasks.zone())));
    }

    /** Comma-separated, trimmed, blanks dropped, duplicates (ignoring case) kept once. */
    static List<String> parseTags(String text) {
        var seen = new LinkedHashSet<String>();
        var kept = new java.util.ArrayList<String>();
        Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(tag -> {
            if (seen.add(tag.toLowerCase(java.util.Locale.ROOT))) {
                kept.add(tag);
            }
        });
        return List.copyOf(kept);
    }

    public BooleanBinding editingProperty() { return editing; }
    public ObjectProperty<Optional<Task>> taskProperty() { return task; }
    public StringProperty titleProperty() { return title; }
    public StringProperty descriptionProperty() { return description; }
    public ObjectProperty<Priority> priorityProperty() { return priority; }
    public StringProperty tagsTextProperty() { return tagsText; }
    public ObjectProperty<LocalDate> dueDateProperty() { return dueDate; }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
}
