package dev.tododesktop.store.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tododesktop.store.dirs.AppDirectories;
import dev.tododesktop.store.dirs.UserKey;
import dev.tododesktop.store.tasks.TaskEdit;
import dev.tododesktop.testing.FileModes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another account on the same computer reads none of a user's local store: the store's
 * directory and every file SQLite keeps for it (the database, its -wal and -shm) are owner-only
 * under the common umask 022, including a store an older version left world-readable.
 */
class PrivateStoreFilesTest {

    @TempDir
    Path dir;
    AppDirectories dirs;
    UserKey alice = new UserKey("https://todo.example", UUID.randomUUID());

    @BeforeEach
    void setUp() {
        assumeTrue(FileModes.umaskLetsOthersRead(), "umask " + FileModes.umask() + " would hide the problem");
        dirs = new AppDirectories(dir.resolve("data"), dir.resolve("config"));
    }

    @Test
    void aNewStoreAndEverySQLiteFileOfItAreOwnerOnly() {
        var stores = new LocalStores(dirs, StoreFixture.clock());
        var store = stores.login(alice);
        for (int i = 0; i < 50; i++) {
            store.edits().create(TaskEdit.none().title("medical appointment " + i));
        }
        assertThat(FileModes.files(dirs.dataDir())).as("the WAL files are there to check")
                .anyMatch(f -> f.endsWith(".db-wal")).anyMatch(f -> f.endsWith(".db-shm"));
        assertThat(FileModes.openToOthers(dirs.dataDir())).isEmpty();
        stores.logout(UnsyncedChanges.KEEP);
        assertThat(FileModes.openToOthers(dirs.dataDir())).isEmpty();
    }

    @Test
    void aStoreAnOlderVersionLeftReadableIsTightenedWhenOpened() throws Exception {
        var stores = new LocalStores(dirs, StoreFixture.clock());
        stores.login(alice).edits().create(TaskEdit.none().title("before the upgrade"));
        stores.logout(UnsyncedChanges.KEEP);
        Path db = stores.databaseFile(alice);
        for (Path p : new Path[] {dirs.dataDir(), dirs.usersDir()}) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));

        var reopened = new LocalStores(dirs, StoreFixture.clock()).login(alice);
        reopened.edits().create(TaskEdit.none().title("after the upgrade"));

        assertThat(FileModes.openToOthers(dirs.usersDir())).isEmpty();
        reopened.close();
    }
}
