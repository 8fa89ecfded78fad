package dev.tododesktop.store.db;

import dev.tododesktop.store.CorruptStoreException;
import dev.tododesktop.store.NewerSchemaException;
import dev.tododesktop.store.StoreException;
import dev.tododesktop.store.StoreFailureException;
import dev.tododesktop.files.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * One SQLite file, one connection, every access serialised and wrapped in a transaction.
 * Opening sets WAL + synchronous=FULL (a committed change survives a crash or power loss),
 * foreign keys and a busy timeout, checks integrity, and runs pending migrations.
 */
public final class Database implements AutoCloseable {
    private static final int BUSY_TIMEOUT_MS = 5_000;
    private static final List<String> SIDECAR_SUFFIXES = List.of("-wal", "-shm", "-journal");

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean closed;

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Loads SQLite's native library (sqlite-jdbc unpacks it to a temporary directory first), so
     * the first {@link #open} does not pay for it. Safe to call from any thread, any number of times.
     */
    public static void loadNativeLibrary() {
        try {
            org.sqlite.SQLiteJDBCLoader.initialize();
        } catch (Exception e) {
            throw new StoreFailureException(Path.of("."), "cannot load SQLite's native library", e);
        }
    }

    public static Database open(Path file) {
        return open(file, Schema.MIGRATIONS);
    }

    /** Opens with an explicit migration list; tests use it to simulate a newer or older app. */
    public static Database open(Path file, List<Migration> migrations) {
        Path absolute = file.toAbsolutePath();
        if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
            throw new StoreFailureException(absolute, "database path is not a regular file", null);
        }
        Connection connection;
        try {
            // SQLite gives -wal, -shm and -journal the database file's mode, so a file that is
            // owner-only before SQLite first opens it keeps all of them owner-only, whatever the umask.
            PrivateFiles.directory(absolute.getParent());
            PrivateFiles.file(absolute);
            connection = DriverManager.getConnection("jdbc:sqlite:" + absolute);
        } catch (Exception e) {
            throw new StoreFailureException(absolute, "cannot open database", e);
        }
        Database db = new Database(absolute, connection);
        try {
            db.configure();
            db.restrictSidecarFiles();
            db.checkIntegrity();
            db.migrate(migrations);
            return db;
        } catch (StoreException e) {
            db.close();
            throw e;
        } catch (SQLException e) {
            db.close();
            throw db.translate(e, "cannot open database");
        }
    }

    public Path file() {
        return file;
    }

    /** Runs {@code work} in a write transaction; its changes are on disk when this returns. */
    public <T> T write(SqlWork<T> work) {
        return inTransaction("BEGIN IMMEDIATE", work);
    }

    /** Runs {@code work} against one consistent snapshot. */
    public <T> T read(SqlWork<T> work) {
        return inTransaction("BEGIN", work);
    }

    private <T> T inTransaction(String begin, SqlWork<T> work) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("store is closed: " + file);
            }
            try (Statement st = connection.createStatement()) {
                st.execute(begin);
            }
            try {
                T result = work.run(connection);
                try (Statement st = connection.createStatement()) {
                    st.execute("COMMIT");
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(e);
                throw e;
            }
        } catch (SQLException e) {
            throw translate(e, "database operation failed");
        } finally {
            lock.unlock();
        }
    }

    private void rollbackQuietly(Exception cause) {
        try (Statement st = connection.createStatement()) {
            st.execute("ROLLBACK");
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    private void configure() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            // Before anything that writes (switching to WAL rewrites the header): a file that is not ours stays untouched.
            refuseForeignDatabase(connection);
            try (ResultSet rs = st.executeQuery("PRAGMA journal_mode = WAL")) {
                String mode = rs.next() ? rs.getString(1) : "";
                if (!"wal".equalsIgnoreCase(mode)) {
                    throw new StoreFailureException(file, "could not enable WAL journal mode (got " + mode + ")", null);
                }
            }
            st.execute("PRAGMA synchronous = FULL");
            st.execute("PRAGMA foreign_keys = ON");
        }
    }

    /** An older version's -wal and -shm kept the mode they were made with; SQLite reuses them as they are. */
    private void restrictSidecarFiles() {
        try {
            PrivateFiles.restrictAll(sidecarFiles(file));
        } catch (IOException e) {
            throw new StoreFailureException(file, "cannot make the database's files private", e);
        }
    }

    /** The files SQLite keeps beside a database: {@code -wal}, {@code -shm} and {@code -journal}. */
    public static List<Path> sidecarFiles(Path database) {
        return SIDECAR_SUFFIXES.stream().map(s -> database.resolveSibling(database.getFileName() + s)).toList();
    }

    private void checkIntegrity() throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
            String verdict = rs.next() ? rs.getString(1) : "no answer";
            if (!"ok".equals(verdict)) {
                throw new CorruptStoreException(file, "integrity check failed: " + verdict, null);
            }
        }
    }

    private void migrate(List<Migration> migrations) throws SQLException {
        int known = migrations.isEmpty() ? 0 : migrations.getLast().version();
        write(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL) STRICT");
            }
            int current = currentVersion(c);
            if (current > known) {
                throw new NewerSchemaException(file, current, known);
            }
            for (Migration m : migrations) {
                if (m.version() > current) {
                    apply(c, m);
                }
            }
            return null;
        });
    }

    /** A SQLite file with tables but no schema_version belongs to something else; never write into it. */
    private void refuseForeignDatabase(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FILTER (WHERE name = 'schema_version'), count(*) "
                     + "FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")) {
            if (rs.next() && rs.getInt(1) == 0 && rs.getInt(2) > 0) {
                throw new CorruptStoreException(file, "not a Todo Desktop database (it has other tables)", null);
            }
        }
    }

    private static int currentVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT max(version) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static void apply(Connection c, Migration m) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String sql : m.statements()) {
                st.execute(sql);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO schema_version (version) VALUES (?)")) {
            ps.setInt(1, m.version());
            ps.executeUpdate();
        }
    }

    private StoreException translate(SQLException e, String what) {
        if (e instanceof SQLiteException se && isCorruption(se.getResultCode())) {
            return new CorruptStoreException(file, "not a usable SQLite database: " + se.getMessage(), e);
        }
        return new StoreFailureException(file, what + ": " + e.getMessage(), e);
    }

    private static boolean isCorruption(SQLiteErrorCode code) {
        int primary = code.code & 0xff;
        return primary == SQLiteErrorCode.SQLITE_CORRUPT.code || primary == SQLiteErrorCode.SQLITE_NOTADB.code;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            connection.close();
        } catch (SQLException e) {
            throw new StoreFailureException(file, "cannot close database", e);
        } finally {
            lock.unlock();
        }
    }

    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "Database[" + Objects.toString(file) + "]";
    }
}
