package dev.tododesktop.store.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tododesktop.store.CorruptStoreException;
import dev.tododesktop.store.NewerSchemaException;
import dev.tododesktop.store.StoreFailureException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void opensWithDurableSettings() {
        try (Database db = Database.open(dir.resolve("a.db"))) {
            assertThat(pragma(db, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(db, "synchronous")).isEqualTo("2"); // FULL
            assertThat(pragma(db, "foreign_keys")).isEqualTo("1");
            assertThat(pragma(db, "busy_timeout")).isEqualTo("5000");
        }
    }

    @Test
    void recordsSchemaVersionAndReopensWithoutReapplying() {
        Path file = dir.resolve("a.db");
        Database.open(file).close();
        try (Database db = Database.open(file)) {
            assertThat(versions(db)).containsExactlyElementsOf(Schema.MIGRATIONS.stream().map(Migration::version).toList());
        }
    }

    @Test
    void appliesOnlyMissingMigrationsWhenUpgrading() {
        Path file = dir.resolve("a.db");
        Migration v1 = new Migration(1, "one", List.of("CREATE TABLE t1 (x INTEGER)"));
        Migration v2 = new Migration(2, "two", List.of("CREATE TABLE t2 (x INTEGER)"));
        Database.open(file, List.of(v1)).close();
        try (Database db = Database.open(file, List.of(v1, v2))) {
            assertThat(versions(db)).containsExactly(1, 2);
        }
    }

    @Test
    void refusesSchemaNewerThanTheCodeAndLeavesItAlone() throws Exception {
        Path file = dir.resolve("a.db");
        try (Database db = Database.open(file)) {
            db.write(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("INSERT INTO schema_version (version) VALUES (99)");
                }
                return null;
            });
        }
        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOfSatisfying(NewerSchemaException.class, e -> {
                    assertThat(e.fileVersion()).isEqualTo(99);
                    assertThat(e.knownVersion()).isEqualTo(Schema.latestVersion());
                    assertThat(e.file()).isEqualTo(file.toAbsolutePath());
                })
                .hasMessageContaining("newer");
        try (Database db = Database.open(file, appendedVersion(99))) {
            assertThat(versions(db)).contains(99);
        }
    }

    @Test
    void nonSqliteFileIsATypedErrorAndIsNotTouched() throws Exception {
        Path file = dir.resolve("notes.db");
        byte[] content = "these are my notes, not a database\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        Files.write(file, content);

        assertThatThrownBy(() -> Database.open(file)).isInstanceOf(CorruptStoreException.class);

        assertThat(Files.readAllBytes(file)).isEqualTo(content);
    }

    @Test
    void someoneElsesSqliteFileIsRefusedAndNotWrittenTo() throws Exception {
        Path file = dir.resolve("other.db");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE recipes (name TEXT)");
        }
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(CorruptStoreException.class)
                .hasMessageContaining("not a Todo Desktop database");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void damagedDatabaseIsATypedErrorAndIsNotTouched() throws Exception {
        Path file = dir.resolve("a.db");
        Database.open(file).close(); // the last close checkpoints the WAL into the main file
        assertThat(file.resolveSibling("a.db-wal")).doesNotExist();
        // Overwrite everything after the header page with garbage: the schema pages are gone.
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] junk = new byte[(int) raf.length() - 4096];
            java.util.Arrays.fill(junk, (byte) 0x5A);
            raf.seek(4096);
            raf.write(junk);
        }
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> Database.open(file)).isInstanceOf(CorruptStoreException.class);

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void directoryInPlaceOfTheFileIsATypedError() throws Exception {
        Path file = Files.createDirectory(dir.resolve("a.db"));
        assertThatThrownBy(() -> Database.open(file)).isInstanceOf(StoreFailureException.class);
    }

    @Test
    void failedWorkRollsBackEverything() {
        try (Database db = Database.open(dir.resolve("a.db"))) {
            assertThatThrownBy(() -> db.write(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("UPDATE sync_state SET cursor = 'half-done'");
                }
                throw new IllegalStateException("boom");
            })).hasMessage("boom");
            String cursor = db.read(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT cursor FROM sync_state")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertThat(cursor).isNull();
        }
    }

    @Test
    void closedDatabaseRefusesWork() {
        Database db = Database.open(dir.resolve("a.db"));
        db.close();
        assertThatThrownBy(() -> db.read(c -> 1)).isInstanceOf(IllegalStateException.class);
    }

    private static List<Migration> appendedVersion(int version) {
        List<Migration> all = new ArrayList<>(Schema.MIGRATIONS);
        all.add(new Migration(version, "future", List.of()));
        return all;
    }

    private static String pragma(Database db, String name) {
        return db.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    private static List<Integer> versions(Database db) {
        return db.read(c -> {
            List<Integer> out = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
                while (rs.next()) {
                    out.add(rs.getInt(1));
                }
            }
            return out;
        });
    }
}
