package dev.tododesktop.store;

import java.nio.file.Path;

/** Any other failure (I/O, locked by another process past the busy timeout, ...). */
public final class StoreFailureException extends StoreException {
    private static final long serialVersionUID = 1L;

    public StoreFailureException(Path file, String message, Throwable cause) {
        super(file, message, cause);
    }
}
