package dev.tododesktop.server.tasks;

import dev.tododesktop.contract.sync.SyncChange;
import dev.tododesktop.contract.sync.TaskChange;
import dev.tododesktop.contract.sync.TaskTombstone;
import dev.tododesktop.contract.tasks.Priority;
import dev.tododesktop.contract.tasks.Task;
import dev.tododesktop.contract.tasks.TaskUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.SequencedSet;
import java.util.UUID;

/**
 * A task row as stored: a live task or a tombstone ({@code deleted}), with its change sequence
 * number and per-field version stamps. Immutable; every change produces a new value with a higher
 * version.
 */
public record StoredTask(
        UUID id,
        UUID userId,
        String title,
        String description,
        boolean completed,
        Instant completedAt,
        Priority priority,
        List<String> tags,
        Instant dueAt,
        Instant createdAt,
        Instant updatedAt,
        long version,
        long seq,
        boolean deleted,
        FieldStamps stamps,
        FieldWriters writers) {

    public StoredTask {
        Objects.requireNonNull(id);
        Objects.requireNonNull(userId);
        tags = List.copyOf(tags);
        writers = writers == null ? FieldWriters.UNKNOWN : writers;
    }

    /**
     * A new live task at version 1 from validated create fields (absent fields take their
     * defaults), every field written by {@code writer} (a session id, or null when not known).
     */
    public static StoredTask created(UUID id, UUID userId, TaskUpdate fields, Instant now, long seq, String writer) {
        boolean completed = fields.completed().applyTo(false);
        return new StoredTask(id, userId,
                fields.title().applyTo(""),
                fields.description().applyTo(""),
                completed,
                completed ? now : null,
                fields.priority().applyTo(Priority.NONE),
                fields.tags().applyTo(List.of()),
                fields.dueAt().applyTo(null),
                now, now, 1, seq, false, FieldStamps.allAt(1), FieldWriters.allBy(writer));
    }

    public Task toTask() {
        return new Task(id, title, description, completed, completedAt, priority, tags, dueAt, createdAt, updatedAt, version);
    }

    /** What sync reports for this row: the task, or a tombstone. */
    public SyncChange toChange() {
        return deleted ? new TaskTombstone(id, version, updatedAt) : TaskChange.of(toTask());
    }

    /** The fields {@code update} names whose value differs from this task's, in declaration order. */
    public SequencedSet<String> differingFields(TaskUpdate update) {
        var differing = new LinkedHashSet<String>();
        for (String field : update.presentFields()) {
            if (!Objects.equals(valueOf(field), newValue(update, field))) {
                differing.add(field);
            }
        }
        return differing;
    }

    /**
     * This task with the named fields of {@code update} applied: a new version, stamps of the
     * changed fields raised and written by {@code writer} (a session id, or null when not known),
     * {@code completed_at} following {@code completed}. Returns this same task when nothing would
     * change, so a no-op never bumps the version.
     */
    public StoredTask applying(TaskUpdate update, SequencedSet<String> fields, Instant now,
                               java.util.function.LongSupplier newSeq, String writer) {
        var changed = new ArrayList<String>();
        for (String field : fields) {
            if (!Objects.equals(valueOf(field), newValue(update, field))) {
                changed.add(field);
            }
        }
        if (changed.isEmpty()) {
            return this;
        }
        long newVersion = version + 1;
        String t = title;
        String d = description;
        boolean c = completed;
        Instant cAt = completedAt;
        Priority p = priority;
        List<String> tg = tags;
        Instant due = dueAt;
        FieldStamps s = stamps;
        FieldWriters w = writers;
        for (String field : changed) {
            switch (field) {
                case TaskUpdate.TITLE -> t = update.title().applyTo(t);
                case TaskUpdate.DESCRIPTION -> d = update.description().applyTo(d);
                case TaskUpdate.COMPLETED -> {
                    c = update.completed().applyTo(c);
                    cAt = c ? now : null;
                }
                case TaskUpdate.PRIORITY -> p = update.priority().applyTo(p);
                case TaskUpdate.TAGS -> tg = update.tags().applyTo(tg);
                case TaskUpdate.DUE_AT -> due = update.dueAt().applyTo(due);
                default -> throw new IllegalArgumentException("not a task field: " + field);
            }
            s = s.with(field, newVersion);
            w = w.with(field, writer);
        }
        return new StoredTask(id, userId, t, d, c, cAt, p, tg, due, createdAt, now, newVersion, newSeq.getAsLong(), false, s, w);
    }

    /** The tombstone this task leaves: content cleared (deleted data is not kept), a new version. */
    public StoredTask tombstone(Instant now, long newSeq) {
        long newVersion = version + 1;
        return new StoredTask(id, userId, "", "", false, null, Priority.NONE, List.of(), null, createdAt, now,
                newVersion, newSeq, true, FieldStamps.allAt(newVersion), FieldWriters.UNKNOWN);
    }

    private Object valueOf(String field) {
        return EditableField.named(field).valueIn(this);
    }

    private static Object newValue(TaskUpdate update, String field) {
        return EditableField.named(field).newValueIn(update);
    }
}
