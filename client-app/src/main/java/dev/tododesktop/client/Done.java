package dev.tododesktop.client;

/** The value of an operation that succeeded with nothing to return (a 204, a deleted entry). */
public enum Done {
    DONE
}
