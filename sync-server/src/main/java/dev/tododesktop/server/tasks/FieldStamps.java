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

    public FieldStamps with(String field, long version) {
        return switch (field) {
            case TaskUpdate.TITLE -> new FieldStamps(version, description, completed, priority, tags, dueAt);
            case TaskUpdate.DESCRIPTION -> new FieldStamps(title, version, completed, priority, tags, dueAt);
            case TaskUpdate.COMPLETED -> new FieldStamps(title, description, version, priority, tags, dueAt);
            case TaskUpdate.PRIORITY -> new FieldStamps(title, description, completed, version, tags, dueAt);
            case TaskUpdate.TAGS -> new FieldStamps(title, description, completed, priority, version, dueAt);
            case TaskUpdate.DUE_AT -> new FieldStamps(title, description, completed, priority, tags, version);
            default -> throw new IllegalArgumentException("not a task field: " + field);
        };
    }
}
