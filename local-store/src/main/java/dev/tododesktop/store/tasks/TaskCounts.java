package dev.tododesktop.store.tasks;

/** Badge numbers for the UI; {@code active} is the "N left" figure. */
public record TaskCounts(int total, int active, int completed, int overdue, int dueToday) {
}
