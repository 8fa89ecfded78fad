package dev.tododesktop.server.tasks;

import dev.tododesktop.contract.tasks.TaskUpdate;

/**
 * Who set each editable field's current value: the id of the session (one signed-in device)
 * whose write it was, or null when not known. Sync's merge needs it: a field changed since a
 * mutation's {@code base_version} by the pushing device itself is that device's own earlier
 * edit, not a conflict (docs/sync.md, "The merge rule"). Ids are kept as the stored text.
 */
public record FieldWriters(String title, String description, String completed, String priority, String tags, String dueAt) {

    public static final FieldWriters UNKNOWN = allBy(null);

    public static FieldWriters allBy(String writer) {
        return new FieldWriters(writer, writer, writer, writer, writer, writer);
    }

    /** The writer of a field by its JSON name (the names {@link TaskUpdate} uses). */
    public String of(String field) {
        return switch (field) {
            case TaskUpdate.TITLE -> title;
            case TaskUpdate.DESCRIPTION -> description;
            case TaskUpdate.COMPLETED -> completed;
            case TaskUpdate.PRIORITY -> priority;
            case TaskUpdate.TAGS -> tags;
            case TaskUpdate.DUE_AT -> dueAt;
            default -> throw new IllegalArgumentException("not a task field: " + field);
        };
    }

    public FieldWriters with(String field, String writer) {
        return switch (field) {
            case TaskUpdate.TITLE -> new FieldWriters(writer, description, completed, priority, tags, dueAt);
            case TaskUpdate.DESCRIPTION -> new FieldWriters(title, writer, completed, priority, tags, dueAt);
            case TaskUpdate.COMPLETED -> new FieldWriters(title, description, writer, priority, tags, dueAt);
            case TaskUpdate.PRIORITY -> new FieldWriters(title, description, completed, writer, tags, dueAt);
            case TaskUpdate.TAGS -> new FieldWriters(title, description, completed, priority, writer, dueAt);
            case TaskUpdate.DUE_AT -> new FieldWriters(title, description, completed, priority, tags, writer);
            default -> throw new IllegalArgumentException("not a task field: " + field);
        };
    }
}
