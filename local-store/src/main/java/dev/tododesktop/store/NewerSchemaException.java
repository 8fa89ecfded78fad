package dev.tododesktop.store;

import java.nio.file.Path;

/** The file was written by a newer app version; opening it with this code could corrupt it. */
public final class NewerSchemaException extends StoreException {
    private static final long serialVersionUID = 1L;

    private final int fileVersion;
    private final int knownVersion;

    public NewerSchemaException(Path file, int fileVersion, int knownVersion) {
        super(file, "database schema version " + fileVersion + " is newer than this app supports ("
                + knownVersion + "); update the app", null);
        this.fileVersion = fileVersion;
        this.knownVersion = knownVersion;
    }

    public int fileVersion() {
        return fileVersion;
    }

    public int knownVersion() {
        return knownVersion;
    }
}
