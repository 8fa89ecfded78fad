package dev.tododesktop.store;

import java.nio.file.Path;

/** Everything the store can fail with; callers can switch over the permitted kinds. */
public abstract sealed class StoreException extends RuntimeException
        permits CorruptStoreException, NewerSchemaException, StoreFailureException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    protected StoreException(Path file, String message, Throwable cause) {
        super(message + " (" + file + ")", cause);
        this.file = file;
    }

    /** The database file involved; it is never deleted or rewritten by the store on error. */
    public Path file() {
        return file;
    }
}
