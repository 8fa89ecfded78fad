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
        Optional<Page> page,
        Instant now,
        ZoneId zone) {

    /** A window of the sorted result, for lists that show a screenful at a time. */
    public record Page(int limit, int offset) {
        public Page {
            if (limit <= 0 || offset < 0) {
                throw new IllegalArgumentException("limit must be positive and offset not negative");
            }
        }
    }

    public TaskQuery {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(priority, "priority");
        search = Objects.requireNonNull(search, "search").filter(s -> !s.isBlank());
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(zone, "zone");
    }

    /** All tasks, oldest first. */
    public static TaskQuery of(Instant now, ZoneId zone) {
        return new TaskQuery(StatusFilter.ALL, Optional.empty(), Optional.empty(), Optional.empty(),
                TaskSort.CREATED, false, Optional.empty(), now, zone);
    }

    public TaskQuery withStatus(StatusFilter value) {
        return new TaskQuery(value, tag, priority, search, sort, descending, page, now, zone);
    }

    /** Tasks carrying this tag (case-insensitive). */
    public TaskQuery withTag(String value) {
        return new TaskQuery(status, Optional.of(value), priority, search, sort, descending, page, now, zone);
    }

    public TaskQuery withPriority(Priority value) {
        return new TaskQuery(status, tag, Optional.of(value), search, sort, descending, page, now, zone);
    }

    /** Case-insensitive substring of title or description, taken literally ({@code %} and {@code _} too). */
    public TaskQuery withSearch(String value) {
        return new TaskQuery(status, tag, priority, Optional.of(value), sort, descending, page, now, zone);
    }

    /** Only {@code limit} tasks starting at {@code offset} of the sorted result ({@code count} ignores paging). */
    public TaskQuery page(int limit, int offset) {
        return new TaskQuery(status, tag, priority, search, sort, descending, Optional.of(new Page(limit, offset)),
                now, zone);
    }

    public TaskQuery sortedBy(TaskSort value, boolean descendingOrder) {
        return new TaskQuery(status, tag, priority, search, value, descendingOrder, page, now, zone);
    }
}
