package dev.tododesktop.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tododesktop.files.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The server's database: a connection pool, the schema migrated by Flyway (one set of
 * migrations for SQLite and PostgreSQL), and a {@link Jdbi} to query it.
 */
public final class Database implements AutoCloseable {

    public enum Dialect { SQLITE, POSTGRES }

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Dialect dialect;

    private final DatabaseUrl url;

    private Database(HikariDataSource dataSource, Dialect dialect, DatabaseUrl url) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.url = url;
        this.jdbi = Jdbi.create(dataSource);
    }

    public static Database open(DatabaseUrl url, int maxConnections) {
        var config = new HikariConfig();
        config.setPoolName("todo-db");
        config.setJdbcUrl(url.jdbcUrl());
        config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        Dialect dialect;
        switch (url) {
            case DatabaseUrl.Sqlite sqlite -> {
                dialect = Dialect.SQLITE;
                createPrivateFile(sqlite);
                // WAL lets readers run beside the one writer; FULL makes a commit survive power loss;
                // IMMEDIATE takes the write lock at BEGIN, so two writers queue on busy_timeout instead
                // of one failing when it upgrades a read lock.
                config.addDataSourceProperty("journal_mode", "WAL");
                config.addDataSourceProperty("synchronous", "FULL");
                config.addDataSourceProperty("foreign_keys", "true");
                config.addDataSourceProperty("busy_timeout", "15000");
                config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
                // Deleted and overwritten content is zeroed, not left in free space for a copy of the file to show.
                config.addDataSourceProperty("secure_delete", "true");
                config.setMaximumPoolSize(Math.max(2, Math.min(maxConnections, 8)));
            }
            case DatabaseUrl.Postgres pg -> {
                dialect = Dialect.POSTGRES;
                pg.user().ifPresent(config::setUsername);
                pg.password().ifPresent(config::setPassword);
                config.setMaximumPoolSize(maxConnections);
            }
        }
        var dataSource = new HikariDataSource(config);
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        var database = new Database(dataSource, dialect, url);
        database.restrictSqliteFiles();
        return database;
    }

    /**
     * SQLite gives its -wal, -shm and -journal the mode of the database file, so creating that
     * file owner-only (in an owner-only directory) before SQLite opens it keeps all of them
     * private whatever the umask; an older version's files are tightened.
     */
    private static void createPrivateFile(DatabaseUrl.Sqlite sqlite) {
        var file = sqlite.file().toAbsolutePath();
        try {
            PrivateFiles.directory(file.getParent()); // made owner-only if missing; an existing one is the operator's
            PrivateFiles.file(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database file " + file + " owner-only", e);
        }
    }

    private void restrictSqliteFiles() {
        if (url instanceof DatabaseUrl.Sqlite sqlite) {
            var file = sqlite.file().toAbsolutePath();
            try {
                PrivateFiles.restrictAll(List.of(file, sibling(file, "-wal"), sibling(file, "-shm"), sibling(file, "-journal")));
            } catch (IOException e) {
                close();
                throw new UncheckedIOException("cannot make the database's files owner-only: " + file, e);
            }
        }
    }

    private static java.nio.file.Path sibling(java.nio.file.Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    /**
     * After a secret was overwritten: leaves no old copy of it in the database's files. SQLite
     * (with secure_delete) zeroes freed space in the pages it writes; a TRUNCATE checkpoint
     * moves every page from the WAL into the database and empties the WAL, where old page
     * images would otherwise stay. PostgreSQL keeps old row versions until vacuum reuses them,
     * which no statement here can force; its documentation says to rotate keys instead.
     */
    public void dropOverwrittenData() {
        if (dialect == Dialect.SQLITE) {
            jdbi.useHandle(h -> h.execute("PRAGMA wal_checkpoint(TRUNCATE)"));
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** True while the database answers a trivial query within two seconds. */
    public boolean isReady() {
        try (var connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
