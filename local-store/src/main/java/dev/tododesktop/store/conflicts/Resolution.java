package dev.tododesktop.store.conflicts;

/** The user's choice for a {@link Conflict}. */
public enum Resolution {
    /** Keep what the server has (already the base); nothing is sent. */
    KEEP_SERVER,
    /** Re-send this device's value as a new update based on the server's version. */
    KEEP_LOCAL
}
