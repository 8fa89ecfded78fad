package dev.tododesktop.store.session;

import dev.tododesktop.files.PrivateFiles;
import dev.tododesktop.store.StoreFailureException;
import dev.tododesktop.store.db.Database;
import dev.tododesktop.store.dirs.AppDirectories;
import dev.tododesktop.store.dirs.UserKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Optional;

/**
 * The session lifecycle: at most one user's database is open at a time, and only while that
 * user is logged in. Each user has their own file, so one user's tasks can never show for another.
 */
public final class LocalStores {

    private final AppDirectories dirs;
    private final Clock clock;
    private Optional<Session> current = Optional.empty();

    private record Session(UserKey key, UserStore store) {
    }

    public LocalStores(AppDirectories dirs, Clock clock) {
        this.dirs = dirs;
        this.clock = clock;
    }

    /** Gets SQLite ready while nobody waits for it (at start-up), so the first login opens its store sooner. */
    public static void prepare() {
        Database.loadNativeLibrary();
    }

    /** Opens the user's store (creating it on first login). Another user must log out first. */
    public synchronized UserStore login(UserKey key) {
        if (current.isPresent()) {
            Session session = current.get();
            if (session.key().equals(key)) {
                return session.store();
            }
            throw new IllegalStateException("another user's store is open; log out first");
        }
        try {
            // The users' directory is the app's alone; an older version left it readable.
            PrivateFiles.ownDirectory(dirs.usersDir());
        } catch (IOException e) {
            throw new StoreFailureException(dirs.usersDir(), "cannot make the users' directory private", e);
        }
        UserStore store = UserStore.open(key.databaseFile(dirs), clock);
        current = Optional.of(new Session(key, store));
        return store;
    }

    public synchronized Optional<UserStore> current() {
        return current.map(Session::store);
    }

    /**
     * Closes the open store. With {@link UnsyncedChanges#DISCARD} pending edits are dropped
     * first; with {@link UnsyncedChanges#KEEP} they stay in the file for the next login.
     */
    public synchronized void logout(UnsyncedChanges unsynced) {
        if (current.isEmpty()) {
            return;
        }
        UserStore store = current.get().store();
        current = Optional.empty();
        try {
            if (unsynced == UnsyncedChanges.DISCARD) {
                store.discardUnsyncedChanges();
            }
        } finally {
            store.close();
        }
    }

    /** "Forget this device": closes the user's store if open and deletes its files (db, -wal, -shm). */
    public synchronized void forgetDevice(UserKey key) {
        if (current.isPresent() && current.get().key().equals(key)) {
            current.get().store().close();
            current = Optional.empty();
        }
        Path db = key.databaseFile(dirs);
        var files = new ArrayList<Path>(Database.sidecarFiles(db));
        files.addFirst(db);
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new StoreFailureException(file, "cannot delete the user's local data", e);
            }
        }
    }

    public Path databaseFile(UserKey key) {
        return key.databaseFile(dirs);
    }
}
