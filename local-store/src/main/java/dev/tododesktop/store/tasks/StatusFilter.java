package dev.tododesktop.store.tasks;

/**
 * Which tasks a list shows. OVERDUE = not completed and due before "now"; DUE_TODAY = due
 * within the current calendar day of the query's zone, completed or not.
 */
public enum StatusFilter {
    ALL, ACTIVE, COMPLETED, OVERDUE, DUE_TODAY
}
