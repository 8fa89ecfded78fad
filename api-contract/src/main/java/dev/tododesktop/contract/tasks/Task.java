package dev.tododesktop.contract.tasks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A task as the server answers it. {@code completed_at} and {@code due_at} are null when unset
 * and are always written; {@code version} grows with every change and is what {@code If-Match}
 * and a sync mutation's {@code base_version} refer to.
 */
public record Task(
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
        long version) {

    public Task {
        tags = Tags.asGiven(tags);
    }
}
