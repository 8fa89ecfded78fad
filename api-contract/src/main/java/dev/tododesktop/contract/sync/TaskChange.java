package dev.tododesktop.contract.sync;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.tododesktop.contract.tasks.Priority;
import dev.tododesktop.contract.tasks.Task;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A live task in a sync pull: every {@link Task} field plus {@code "deleted": false}. The fields
 * are repeated rather than nested because the JSON is flat; {@link #of} and {@link #task} convert.
 */
@JsonDeserialize(using = JsonDeserializer.None.class) // not the interface's dispatcher, which would loop
public record TaskChange(
        UUID id,
        String title,
        String description,
        boolean completed,
        Instant completedAt,
        Priority priority,
        List<String> tags,
        Instant dueAt,
        Instant createdAt,
        Instant updatedAt,
        long version) implements SyncChange {

    public TaskChange {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public static TaskChange of(Task task) {
        return new TaskChange(task.id(), task.title(), task.description(), task.completed(), task.completedAt(),
                task.priority(), task.tags(), task.dueAt(), task.createdAt(), task.updatedAt(), task.version());
    }

    public Task task() {
        return new Task(id, title, description, completed, completedAt, priority, tags, dueAt, createdAt,
                updatedAt, version);
    }

    @JsonProperty(DELETED)
    @Override
    public boolean deleted() {
        return false;
    }
}
