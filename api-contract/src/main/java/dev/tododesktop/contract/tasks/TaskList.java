package dev.tododesktop.contract.tasks;

import java.util.List;

/** {@code GET /api/{user_id}/tasks}: one page of tasks; {@code count} is the number matching before paging. */
public record TaskList(List<Task> items, long count) {
    public TaskList {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
