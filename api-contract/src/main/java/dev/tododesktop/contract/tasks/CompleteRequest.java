package dev.tododesktop.contract.tasks;

/**
 * Optional body of {@code PATCH .../complete}. Without a body the call toggles; with one it sets
 * the value, so a client may safely repeat it.
 */
public record CompleteRequest(boolean completed) {}
