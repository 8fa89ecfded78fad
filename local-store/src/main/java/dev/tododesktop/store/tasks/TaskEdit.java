package dev.tododesktop.store.tasks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The fields one local change sets; every other field keeps its value. {@code dueAt} set to
 * {@code Optional.empty()} clears the due date. Build with {@code TaskEdit.none().title("x")}.
 */
public record TaskEdit(
        Change<String> title,
        Change<String> description,
        Change<Boolean> completed,
        Change<Priority> priority,
        Change<List<String>> tags,
        Change<Optional<Instant>> dueAt) {

    public TaskEdit {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(completed, "completed");
        Objects.requireNonNull(priority, "priority");
        tags = Objects.requireNonNull(tags, "tags").map(List::copyOf);
        dueAt = Objects.requireNonNull(dueAt, "dueAt").map(d -> d.map(Millis::truncate));
    }

    public static TaskEdit none() {
        return new TaskEdit(Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.keep());
    }

    public TaskEdit title(String value) {
        return new TaskEdit(Change.set(value), description, completed, priority, tags, dueAt);
    }

    public TaskEdit description(String value) {
        return new TaskEdit(title, Change.set(value), completed, priority, tags, dueAt);
    }

    public TaskEdit completed(boolean value) {
        return new TaskEdit(title, description, Change.set(value), priority, tags, dueAt);
    }

    public TaskEdit priority(Priority value) {
        return new TaskEdit(title, description, completed, Change.set(value), tags, dueAt);
    }

    public TaskEdit tags(List<String> value) {
        return new TaskEdit(title, description, completed, priority, Change.set(value), dueAt);
    }

    public TaskEdit dueAt(Instant value) {
        return new TaskEdit(title, description, completed, priority, tags, Change.set(Optional.of(value)));
    }

    public TaskEdit clearDueAt() {
        return new TaskEdit(title, description, completed, priority, tags, Change.set(Optional.empty()));
    }

    /** Every editable field of {@code task}, as a create that reproduces it (used by undo). */
    public static TaskEdit allFieldsOf(Task task) {
        return new TaskEdit(Change.set(task.title()), Change.set(task.description()),
                Change.set(task.completed()), Change.set(task.priority()), Change.set(task.tags()),
                Change.set(task.dueAt()));
    }

    /** Only the given field of {@code task}, e.g. to describe one side of a conflict. */
    public static TaskEdit fieldOf(Task task, TaskField field) {
        return allFieldsOf(task).only(EnumSet.of(field));
    }

    /** This edit restricted to {@code fields}. */
    public TaskEdit only(Set<TaskField> fields) {
        return new TaskEdit(
                fields.contains(TaskField.TITLE) ? title : Change.keep(),
                fields.contains(TaskField.DESCRIPTION) ? description : Change.keep(),
                fields.contains(TaskField.COMPLETED) ? completed : Change.keep(),
                fields.contains(TaskField.PRIORITY) ? priority : Change.keep(),
                fields.contains(TaskField.TAGS) ? tags : Change.keep(),
                fields.contains(TaskField.DUE_AT) ? dueAt : Change.keep());
    }

    /** The fields this edit sets, in declaration order. */
    public Set<TaskField> fields() {
        List<TaskField> set = new ArrayList<>();
        if (title.isSet()) set.add(TaskField.TITLE);
        if (description.isSet()) set.add(TaskField.DESCRIPTION);
        if (completed.isSet()) set.add(TaskField.COMPLETED);
        if (priority.isSet()) set.add(TaskField.PRIORITY);
        if (tags.isSet()) set.add(TaskField.TAGS);
        if (dueAt.isSet()) set.add(TaskField.DUE_AT);
        return set.isEmpty() ? EnumSet.noneOf(TaskField.class) : EnumSet.copyOf(set);
    }

    public boolean isEmpty() {
        return fields().isEmpty();
    }
}
