package dev.tododesktop.store;

import java.nio.file.Path;

/** The file is not a SQLite database or fails SQLite's integrity check. It is left untouched. */
public final class CorruptStoreException extends StoreException {
    private static final long serialVersionUID = 1L;

    public CorruptStoreException(Path file, String message, Throwable cause) {
        super(file, message, cause);
    }
}
