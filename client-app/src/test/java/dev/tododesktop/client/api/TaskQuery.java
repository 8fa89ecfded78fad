package dev.tododesktop.client.api;

import dev.tododesktop.contract.tasks.Priority;
import dev.tododesktop.contract.tasks.SortOrder;
import dev.tododesktop.contract.tasks.TaskSort;
import dev.tododesktop.contract.tasks.TaskStatusFilter;
import java.util.Optional;
import java.util.OptionalInt;
import okhttp3.HttpUrl;

/** The query of {@code GET /api/{user_id}/tasks}; anything left empty takes the server's default. */
public record TaskQuery(
        Optional<TaskStatusFilter> status,
        Optional<String> text,
        Optional<String> tag,
        Optional<Priority> priority,
        Optional<TaskSort> sort,
        Optional<SortOrder> order,
        OptionalInt limit,
        OptionalInt offset) {

    public static TaskQuery all() {
        return new TaskQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), OptionalInt.empty(), OptionalInt.empty());
    }

    public TaskQuery withStatus(TaskStatusFilter newStatus) {
        return new TaskQuery(Optional.of(newStatus), text, tag, priority, sort, order, limit, offset);
    }

    /** Case-insensitive substring of title or description. */
    public TaskQuery withText(String newText) {
        return new TaskQuery(status, Optional.of(newText), tag, priority, sort, order, limit, offset);
    }

    public TaskQuery withTag(String newTag) {
        return new TaskQuery(status, text, Optional.of(newTag), priority, sort, order, limit, offset);
    }

    public TaskQuery withPriority(Priority newPriority) {
        return new TaskQuery(status, text, tag, Optional.of(newPriority), sort, order, limit, offset);
    }

    public TaskQuery sortedBy(TaskSort newSort, SortOrder newOrder) {
        return new TaskQuery(status, text, tag, priority, Optional.of(newSort), Optional.of(newOrder), limit, offset);
    }

    public TaskQuery page(int newLimit, int newOffset) {
        return new TaskQuery(status, text, tag, priority, sort, order, OptionalInt.of(newLimit), OptionalInt.of(newOffset));
    }

    HttpUrl applyTo(HttpUrl url) {
        var builder = url.newBuilder();
        status.ifPresent(s -> builder.addQueryParameter("status", s.wire()));
        text.ifPresent(t -> builder.addQueryParameter("q", t));
        tag.ifPresent(t -> builder.addQueryParameter("tag", t));
        priority.ifPresent(p -> builder.addQueryParameter("priority", p.wire()));
        sort.ifPresent(s -> builder.addQueryParameter("sort", s.wire()));
        order.ifPresent(o -> builder.addQueryParameter("order", o.wire()));
        limit.ifPresent(l -> builder.addQueryParameter("limit", Integer.toString(l)));
        offset.ifPresent(o -> builder.addQueryParameter("offset", Integer.toString(o)));
        return builder.build();
    }
}
