package dev.tododesktop.store.tasks;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * One list request from the UI. {@code now} and {@code zone} come from the caller (the store
 * never reads the clock), so "overdue" and "due today" are testable. Start with
 * {@link #of(Instant, ZoneId)} and narrow with the {@code with*} methods.
 */
public record TaskQuery(
        StatusFilter status,
        Optional<String> tag,
        Optional<Priority> priority,
        Optional<String> search,
        TaskSort sort,
        boolean descending,
        Instant now,
        ZoneId zone) {

    public TaskQuery {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(priority, "priority");
        search = Objects.requireNonNull(search, "search").filter(s -> !s.isBlank());
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(zone, "zone");
    }

    /** All tasks, oldest first. */
    public static TaskQuery of(Instant now, ZoneId zone) {
        return new TaskQuery(StatusFilter.ALL, Optional.empty(), Optional.empty(), Optional.empty(),
                TaskSort.CREATED, false, now, zone);
    }

    public TaskQuery withStatus(StatusFilter value) {
        return new TaskQuery(value, tag, priority, search, sort, descending, now, zone);
    }

    /** Tasks carrying this tag (case-insensitive). */
    public TaskQuery withTag(String value) {
        return new TaskQuery(status, Optional.of(value), priority, search, sort, descending, now, zone);
    }

    public TaskQuery withPriority(Priority value) {
        return new TaskQuery(status, tag, Optional.of(value), search, sort, descending, now, zone);
    }

    /** Case-insensitive substring of title or description, taken literally ({@code %} and {@code _} too). */
    public TaskQuery withSearch(String value) {
        return new TaskQuery(status, tag, priority, Optional.of(value), sort, descending, now, zone);
    }

    public TaskQuery sortedBy(TaskSort value, boolean descendingOrder) {
        return new TaskQuery(status, tag, priority, search, value, descendingOrder, now, zone);
    }
}
