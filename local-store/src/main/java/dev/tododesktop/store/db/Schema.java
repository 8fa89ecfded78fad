package dev.tododesktop.store.db;

import java.util.List;

/**
 * The store's schema history. Append new migrations; never edit a released one, since
 * files on users' disks already ran it.
 */
public final class Schema {
    private Schema() {
    }

    // Task columns shared by the server's copy (base_task) and the visible copy (task).
    // Instants are epoch milliseconds; priority is Priority.rank(); tags are TaskEditCodec-encoded.
    private static final String TASK_COLUMNS = """
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            description TEXT NOT NULL,
            completed INTEGER NOT NULL CHECK (completed IN (0, 1)),
            completed_at INTEGER,
            priority INTEGER NOT NULL CHECK (priority BETWEEN 0 AND 3),
            tags TEXT NOT NULL,
            due_at INTEGER,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL""";

    public static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "tasks, outbox, sync state, conflicts, sync errors", List.of(
                    // The server's tasks as last seen: what pending edits are replayed on top of.
                    "CREATE TABLE base_task (" + TASK_COLUMNS + ", version INTEGER NOT NULL) STRICT",
                    // What the UI sees: base + pending edits, materialised so reads are plain queries.
                    // *_key columns hold Java's Unicode lowercase, since SQLite's lower() is ASCII-only.
                    "CREATE TABLE task (" + TASK_COLUMNS + """
                            , server_version INTEGER,
                            title_key TEXT NOT NULL,
                            description_key TEXT NOT NULL) STRICT""",
                    "CREATE INDEX task_by_created ON task (created_at, id)",
                    // Each sort index ends in the tie-breakers (created_at, id) so ORDER BY needs no temp b-tree.
                    "CREATE INDEX task_by_updated ON task (updated_at, created_at, id)",
                    "CREATE INDEX task_by_title ON task (title_key, created_at, id)",
                    "CREATE INDEX task_by_due ON task (completed, due_at)",
                    "CREATE INDEX task_by_priority ON task (priority, created_at, id)",
                    """
                    CREATE TABLE task_tag (
                        task_id TEXT NOT NULL REFERENCES task (id) ON DELETE CASCADE,
                        tag TEXT NOT NULL,
                        tag_key TEXT NOT NULL,
                        PRIMARY KEY (task_id, tag_key)) STRICT, WITHOUT ROWID""",
                    "CREATE INDEX task_tag_by_tag ON task_tag (tag_key, task_id)",
                    // Local edits not yet acknowledged, in the order they were made (seq).
                    """
                    CREATE TABLE outbox (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        mutation_id TEXT NOT NULL UNIQUE,
                        type TEXT NOT NULL CHECK (type IN ('create', 'update', 'delete', 'set_completed')),
                        task_id TEXT NOT NULL,
                        base_version INTEGER,
                        fields TEXT NOT NULL,
                        made_at INTEGER NOT NULL) STRICT""",
                    "CREATE INDEX outbox_by_task ON outbox (task_id, seq)",
                    "CREATE TABLE sync_state (id INTEGER PRIMARY KEY CHECK (id = 1), cursor TEXT) STRICT",
                    "INSERT INTO sync_state (id, cursor) VALUES (1, NULL)",
                    // One open conflict per task field; a newer one for the same field replaces it.
                    """
                    CREATE TABLE conflict (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        task_id TEXT NOT NULL,
                        field TEXT NOT NULL,
                        local_value TEXT NOT NULL,
                        server_value TEXT NOT NULL,
                        detected_at INTEGER NOT NULL,
                        UNIQUE (task_id, field)) STRICT""",
                    // Edits the server refused (invalid) or could not apply (task deleted there).
                    """
                    CREATE TABLE sync_error (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        mutation_id TEXT NOT NULL,
                        type TEXT NOT NULL,
                        task_id TEXT NOT NULL,
                        fields TEXT NOT NULL,
                        message TEXT NOT NULL,
                        detected_at INTEGER NOT NULL) STRICT""")),
            new Migration(2, "answers to acknowledge to the server", List.of(
                    // Mutations whose answers were applied here; the next push acknowledges them so the
                    // server, which keeps every answer for replay until then, can forget it.
                    """
                    CREATE TABLE answered_mutation (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        mutation_id TEXT NOT NULL UNIQUE) STRICT""")));

    public static int latestVersion() {
        return MIGRATIONS.getLast().version();
    }
}
