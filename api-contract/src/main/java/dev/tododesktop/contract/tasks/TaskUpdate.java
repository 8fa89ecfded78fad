package dev.tododesktop.contract.tasks;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import dev.tododesktop.contract.Text;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;

/**
 * The editable fields of a task, each of which may be left out: the body of
 * {@code PUT /api/{user_id}/tasks/{id}} and the {@code fields} of a sync mutation. See
 * {@link FieldUpdate} for how absent, {@code null} and a value differ. A null component is
 * taken as {@link FieldUpdate#keep()}; a title and tags are trimmed ({@link Text#trim}).
 */
public record TaskUpdate(
        @JsonInclude(Include.NON_EMPTY) FieldUpdate<String> title,
        @JsonInclude(Include.NON_EMPTY) FieldUpdate<String> description,
        @JsonInclude(Include.NON_EMPTY) FieldUpdate<Boolean> completed,
        @JsonInclude(Include.NON_EMPTY) FieldUpdate<Priority> priority,
        @JsonInclude(Include.NON_EMPTY) FieldUpdate<List<String>> tags,
        @JsonInclude(Include.NON_EMPTY) FieldUpdate<Instant> dueAt) {

    public static final String TITLE = "title";
    public static final String DESCRIPTION = "description";
    public static final String COMPLETED = "completed";
    public static final String PRIORITY = "priority";
    public static final String TAGS = "tags";
    public static final String DUE_AT = "due_at";

    public TaskUpdate {
        title = orKeep(title).map(Text::trim);
        description = orKeep(description);
        completed = orKeep(completed);
        priority = orKeep(priority);
        tags = orKeep(tags).map(Tags::copyOf);
        dueAt = orKeep(dueAt);
    }

    /** Changes nothing; start here and add fields with the {@code with...} methods. */
    public static TaskUpdate empty() {
        return new TaskUpdate(null, null, null, null, null, null);
    }

    public TaskUpdate withTitle(String newTitle) {
        return new TaskUpdate(FieldUpdate.setOrClear(newTitle), description, completed, priority, tags, dueAt);
    }

    public TaskUpdate withDescription(String newDescription) {
        return new TaskUpdate(title, FieldUpdate.setOrClear(newDescription), completed, priority, tags, dueAt);
    }

    public TaskUpdate withCompleted(boolean newCompleted) {
        return new TaskUpdate(title, description, FieldUpdate.set(newCompleted), priority, tags, dueAt);
    }

    public TaskUpdate withPriority(Priority newPriority) {
        return new TaskUpdate(title, description, completed, FieldUpdate.setOrClear(newPriority), tags, dueAt);
    }

    public TaskUpdate withTags(List<String> newTags) {
        return new TaskUpdate(title, description, completed, priority, FieldUpdate.setOrClear(newTags), dueAt);
    }

    /** {@code null} removes the due date. */
    public TaskUpdate withDueAt(Instant newDueAt) {
        return new TaskUpdate(title, description, completed, priority, tags, FieldUpdate.setOrClear(newDueAt));
    }

    /** JSON names of the fields this update sets or clears, in declaration order; what sync merges and reports as conflicts. */
    @JsonIgnore
    public SequencedSet<String> presentFields() {
        var names = new LinkedHashSet<String>();
        if (title.isPresent()) names.add(TITLE);
        if (description.isPresent()) names.add(DESCRIPTION);
        if (completed.isPresent()) names.add(COMPLETED);
        if (priority.isPresent()) names.add(PRIORITY);
        if (tags.isPresent()) names.add(TAGS);
        if (dueAt.isPresent()) names.add(DUE_AT);
        return names;
    }

    private static <T> FieldUpdate<T> orKeep(FieldUpdate<T> update) {
        return update == null ? FieldUpdate.keep() : update;
    }
}
