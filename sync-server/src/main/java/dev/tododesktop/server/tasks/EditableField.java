package dev.tododesktop.server.tasks;

import dev.tododesktop.contract.tasks.FieldUpdate;
import dev.tododesktop.contract.tasks.TaskUpdate;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The fields a client edits, by the JSON names {@link TaskUpdate} uses: where each one's value,
 * update and stamp are, in one table instead of a switch over the names in every class that
 * needs one of them.
 */
enum EditableField {
    TITLE(TaskUpdate.TITLE, StoredTask::title, TaskUpdate::title, FieldStamps::title),
    DESCRIPTION(TaskUpdate.DESCRIPTION, StoredTask::description, TaskUpdate::description, FieldStamps::description),
    COMPLETED(TaskUpdate.COMPLETED, StoredTask::completed, TaskUpdate::completed, FieldStamps::completed),
    PRIORITY(TaskUpdate.PRIORITY, StoredTask::priority, TaskUpdate::priority, FieldStamps::priority),
    TAGS(TaskUpdate.TAGS, StoredTask::tags, TaskUpdate::tags, FieldStamps::tags),
    DUE_AT(TaskUpdate.DUE_AT, StoredTask::dueAt, TaskUpdate::dueAt, FieldStamps::dueAt);

    private static final EditableField[] ALL = values();

    private final String wire;
    private final Function<StoredTask, Object> value;
    private final Function<TaskUpdate, FieldUpdate<?>> update;
    private final ToLongFunction<FieldStamps> stamp;

    EditableField(String wire, Function<StoredTask, Object> value, Function<TaskUpdate, FieldUpdate<?>> update,
                  ToLongFunction<FieldStamps> stamp) {
        this.wire = wire;
        this.value = value;
        this.update = update;
        this.stamp = stamp;
    }

    /** @throws IllegalArgumentException when {@code wire} names no editable field */
    static EditableField named(String wire) {
        for (EditableField field : ALL) {
            if (field.wire.equals(wire)) {
                return field;
            }
        }
        throw new IllegalArgumentException("not a task field: " + wire);
    }

    /** The task's current value of this field. */
    Object valueIn(StoredTask task) {
        return value.apply(task);
    }

    /** The value {@code update} sets this field to (null when it clears it). */
    Object newValueIn(TaskUpdate taskUpdate) {
        return update.apply(taskUpdate).applyTo(null);
    }

    long stampIn(FieldStamps stamps) {
        return stamp.applyAsLong(stamps);
    }
}
