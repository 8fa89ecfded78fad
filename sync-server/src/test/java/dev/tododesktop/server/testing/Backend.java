package dev.tododesktop.server.testing;

import dev.tododesktop.server.db.DatabaseUrl;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The two databases the server runs on. Tests that touch the database are
 * {@code @ParameterizedClass @EnumSource(Backend.class)}, so every one runs on both.
 */
public enum Backend {
    SQLITE {
        @Override
        public DatabaseUrl freshDatabase(Path dir) {
            return DatabaseUrl.sqliteFile(dir.resolve("server-" + UUID.randomUUID() + ".db"));
        }
    },
    POSTGRES {
        @Override
        public DatabaseUrl freshDatabase(Path dir) {
            return EmbeddedPostgresHolder.freshDatabase();
        }
    };

    /** An empty database of this kind, never shared with another test. */
    public abstract DatabaseUrl freshDatabase(Path dir);
}
