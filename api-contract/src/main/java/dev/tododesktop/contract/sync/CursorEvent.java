package dev.tododesktop.contract.sync;

/**
 * The data of both {@code /events} events ({@link SyncEventType}): the newest cursor, so a device
 * knows whether it needs to pull.
 */
public record CursorEvent(String cursor) {}
