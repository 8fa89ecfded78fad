package dev.tododesktop.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Duration;
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

    private Database(HikariDataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
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
                createParentDirectory(sqlite);
                // WAL lets readers run beside the one writer; FULL makes a commit survive power loss;
                // IMMEDIATE takes the write lock at BEGIN, so two writers queue on busy_timeout instead
                // of one failing when it upgrades a read lock.
                config.addDataSourceProperty("journal_mode", "WAL");
                config.addDataSourceProperty("synchronous", "FULL");
                config.addDataSourceProperty("foreign_keys", "true");
                config.addDataSourceProperty("busy_timeout", "15000");
                config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
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
        return new Database(dataSource, dialect);
    }

    private static void createParentDirectory(DatabaseUrl.Sqlite sqlite) {
        var parent = sqlite.file().toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + parent, e);
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
