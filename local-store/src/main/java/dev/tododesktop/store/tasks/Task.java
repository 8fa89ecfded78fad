package dev.tododesktop.store.tasks;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * A task as the client sees it. {@code serverVersion} is empty for a task the server has
 * never acknowledged. Instants are kept at millisecond precision, as the API sends them.
 */
public record Task(
        UUID id,
        String title,
        String description,
        boolean completed,
        Optional<Instant> completedAt,
        Priority priority,
        List<String> tags,
        Optional<Instant> dueAt,
        Instant createdAt,
        Instant updatedAt,
        OptionalLong serverVersion) {

    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(completedAt, "completedAt");
        Objects.requireNonNull(priority, "priority");
        tags = List.copyOf(tags);
        Objects.requireNonNull(dueAt, "dueAt");
        createdAt = Millis.truncate(createdAt);
        updatedAt = Millis.truncate(updatedAt);
        completedAt = completedAt.map(Millis::truncate);
        dueAt = dueAt.map(Millis::truncate);
        Objects.requireNonNull(serverVersion, "serverVersion");
    }

    /** This task with the fields {@code edit} sets applied; {@code at} becomes updatedAt. */
    public Task apply(TaskEdit edit, Instant at) {
        boolean nowCompleted = edit.completed().orElse(completed);
        Optional<Instant> nowCompletedAt = nowCompleted == completed
                ? completedAt
                : (nowCompleted ? Optional.of(at) : Optional.empty());
        return new Task(
                id,
                edit.title().orElse(title),
                edit.description().orElse(description),
                nowCompleted,
                nowCompletedAt,
                edit.priority().orElse(priority),
                edit.tags().orElse(tags),
                edit.dueAt().orElse(dueAt),
                createdAt,
                at,
                serverVersion);
    }

    /**
     * Not done and due before {@code now}: the one definition of overdue (the list's filter and
     * counts ask the same in SQL, {@code TaskQueries.OVERDUE_SQL}; a row is drawn overdue by this).
     */
    public boolean isOverdue(Instant now) {
        return !completed && dueAt.filter(due -> due.isBefore(now)).isPresent();
    }

    public Task withServerVersion(OptionalLong version) {
        return new Task(id, title, description, completed, completedAt, priority, tags, dueAt,
                createdAt, updatedAt, version);
    }

    /** A new, never-synced task built from a create edit; unset fields take their defaults. */
    public static Task created(UUID id, TaskEdit fields, Instant at) {
        Task blank = new Task(id, "", "", false, Optional.empty(), Priority.NONE, List.of(),
                Optional.empty(), at, at, OptionalLong.empty());
        return blank.apply(fields, at);
    }
}
