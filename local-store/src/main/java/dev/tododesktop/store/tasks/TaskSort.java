package dev.tododesktop.store.tasks;

/**
 * List orders, as the API names them. TITLE is case-insensitive; DUE_DATE puts tasks without a
 * due date last in either direction; PRIORITY ascending is none, low, medium, high.
 * Ties are broken by creation time, then id, in the same direction, so the order is stable.
 */
public enum TaskSort {
    CREATED, UPDATED, TITLE, DUE_DATE, PRIORITY
}
