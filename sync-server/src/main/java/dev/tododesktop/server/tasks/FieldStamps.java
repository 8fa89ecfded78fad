package dev.tododesktop.server.tasks;

import dev.tododesktop.contract.tasks.TaskUpdate;

/**
 * The task version at which each editable field last changed. Sync's field-level merge needs it:
 * a field whose stamp is above a mutation's {@code base_version} was changed by someone else.
 */
public record FieldStamps(long title, long description, long completed, long priority, long tags, long dueAt) {

    public static FieldStamps allAt(long version) {
        return new FieldStamps(version, version, version, version, version, version);
    }

    /** The stamp of a field by its JSON name (the names {@link TaskUpdate} uses). */
    public long of(String field) {
        return EditableField.named(field).stampIn(this);
    }

    public FieldStamps with(String field, long version) {
        var f = EditableField.named(field);
        return new FieldStamps(
                f == EditableField.TITLE ? version : title,
                f == EditableField.DESCRIPTION ? version : description,
                f == EditableField.COMPLETED ? version : completed,
                f == EditableField.PRIORITY ? version : priority,
                f == EditableField.TAGS ? version : tags,
                f == EditableField.DUE_AT ? version : dueAt);
    }
}
