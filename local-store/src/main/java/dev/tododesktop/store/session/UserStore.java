package dev.tododesktop.store.session;

import dev.tododesktop.store.conflicts.Conflicts;
import dev.tododesktop.store.db.Database;
import dev.tododesktop.store.edits.EditWriter;
import dev.tododesktop.store.edits.LocalEdits;
import dev.tododesktop.store.edits.UuidV7;
import dev.tododesktop.store.outbox.Materializer;
import dev.tododesktop.store.outbox.Outbox;
import dev.tododesktop.store.sync.SyncStore;
import dev.tododesktop.store.tasks.TaskQueries;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;

/** One user's open database and the services over it. Thread-safe: every call is serialised. */
public final class UserStore implements AutoCloseable {
    private final Database db;
    private final TaskQueries tasks;
    private final LocalEdits edits;
    private final SyncStore sync;
    private final Conflicts conflicts;

    public UserStore(Database db, Clock clock) {
        this.db = db;
        UuidV7 ids = new UuidV7(clock);
        EditWriter writer = new EditWriter(clock, ids);
        this.tasks = new TaskQueries(db);
        this.edits = new LocalEdits(db, writer, ids);
        this.sync = new SyncStore(db, clock);
        this.conflicts = new Conflicts(db, writer);
    }

    /** Opens (creating or migrating) the database at {@code file}. */
    public static UserStore open(Path file, Clock clock) {
        return new UserStore(Database.open(file), clock);
    }

    public TaskQueries tasks() {
        return tasks;
    }

    public LocalEdits edits() {
        return edits;
    }

    public SyncStore sync() {
        return sync;
    }

    public Conflicts conflicts() {
        return conflicts;
    }

    public Path file() {
        return db.file();
    }

    /** True while any local edit waits for the server; the UI asks before logout. */
    public boolean hasUnsyncedChanges() {
        return sync.pendingCount() > 0;
    }

    /** Drops every pending edit and open conflict; tasks revert to the server's last known state. */
    public void discardUnsyncedChanges() {
        db.write(c -> {
            Set<UUID> touched = Outbox.taskIds(c);
            Outbox.clear(c);
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM conflict");
            }
            for (UUID id : touched) {
                Materializer.refresh(c, id);
            }
            return null;
        });
    }

    public boolean isOpen() {
        return !db.isClosed();
    }

    @Override
    public void close() {
        db.close();
    }
}
