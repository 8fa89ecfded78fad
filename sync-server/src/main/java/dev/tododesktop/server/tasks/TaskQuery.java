package dev.tododesktop.server.tasks;

import dev.tododesktop.contract.tasks.Priority;
import dev.tododesktop.contract.tasks.SortOrder;
import dev.tododesktop.contract.tasks.TaskSort;
import dev.tododesktop.contract.tasks.TaskStatusFilter;
import java.util.Optional;

/** The task list's filters, order and page, already parsed and range-checked. */
public record TaskQuery(
        TaskStatusFilter status,
        Optional<String> text,
        Optional<String> tag,
        Optional<Priority> priority,
        TaskSort sort,
        SortOrder order,
        int limit,
        long offset) {

    public static TaskQuery all() {
        return new TaskQuery(TaskStatusFilter.ALL, Optional.empty(), Optional.empty(), Optional.empty(),
                TaskSort.CREATED, SortOrder.ASC, 500, 0);
    }
}
