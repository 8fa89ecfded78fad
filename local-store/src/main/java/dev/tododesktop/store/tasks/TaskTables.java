package dev.tododesktop.store.tasks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Row I/O for the two task tables: {@code base_task} (the server's copy, always versioned)
 * and {@code task} (what the UI sees). Callers pass the connection of their transaction.
 */
public final class TaskTables {
    static final String COLUMNS =
            "id, title, description, completed, completed_at, priority, tags, due_at, created_at, updated_at";

    private TaskTables() {
    }

    public static Optional<Task> findBase(Connection c, UUID id) throws SQLException {
        return findOne(c, "SELECT " + COLUMNS + ", version FROM base_task WHERE id = ?", id);
    }

    public static Optional<Task> findVisible(Connection c, UUID id) throws SQLException {
        return findOne(c, "SELECT " + COLUMNS + ", server_version FROM task WHERE id = ?", id);
    }

    /** Stores the server's copy of a task; {@code task.serverVersion()} must be present. */
    public static void putBase(Connection c, Task task) throws SQLException {
        if (task.serverVersion().isEmpty()) {
            throw new IllegalArgumentException("a server task needs a version: " + task.id());
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO base_task (" + COLUMNS + ", version) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                + "title = excluded.title, description = excluded.description, completed = excluded.completed, "
                + "completed_at = excluded.completed_at, priority = excluded.priority, tags = excluded.tags, "
                + "due_at = excluded.due_at, created_at = excluded.created_at, updated_at = excluded.updated_at, "
                + "version = excluded.version")) {
            bindColumns(ps, task);
            ps.setLong(11, task.serverVersion().getAsLong());
            ps.executeUpdate();
        }
    }

    public static void deleteBase(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM base_task WHERE id = ?")) {
            ps.setString(1, id.toString());
            ps.executeUpdate();
        }
    }

    /** Writes the visible task and its tag index rows. */
    public static void putVisible(Connection c, Task task) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO task (" + COLUMNS
                + ", server_version, title_key, description_key) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                + "title = excluded.title, description = excluded.description, completed = excluded.completed, "
                + "completed_at = excluded.completed_at, priority = excluded.priority, tags = excluded.tags, "
                + "due_at = excluded.due_at, created_at = excluded.created_at, updated_at = excluded.updated_at, "
                + "server_version = excluded.server_version, title_key = excluded.title_key, "
                + "description_key = excluded.description_key")) {
            bindColumns(ps, task);
            if (task.serverVersion().isPresent()) {
                ps.setLong(11, task.serverVersion().getAsLong());
            } else {
                ps.setNull(11, Types.INTEGER);
            }
            ps.setString(12, searchKey(task.title()));
            ps.setString(13, searchKey(task.description()));
            ps.executeUpdate();
        }
        try (PreparedStatement del = c.prepareStatement("DELETE FROM task_tag WHERE task_id = ?")) {
            del.setString(1, task.id().toString());
            del.executeUpdate();
        }
        if (!task.tags().isEmpty()) {
            try (PreparedStatement ins = c.prepareStatement(
                    "INSERT OR IGNORE INTO task_tag (task_id, tag, tag_key) VALUES (?, ?, ?)")) {
                for (String tag : task.tags()) {
                    ins.setString(1, task.id().toString());
                    ins.setString(2, tag);
                    ins.setString(3, searchKey(tag));
                    ins.addBatch();
                }
                ins.executeBatch();
            }
        }
    }

    public static void deleteVisible(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM task WHERE id = ?")) {
            ps.setString(1, id.toString());
            ps.executeUpdate();
        }
    }

    /** The case-insensitive form used for search, tag and title ordering (Unicode-aware). */
    public static String searchKey(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /** Reads the columns of {@link #COLUMNS} plus a trailing version column. */
    static Task read(ResultSet rs) throws SQLException {
        long version = rs.getLong(11);
        OptionalLong serverVersion = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(version);
        return new Task(
                UUID.fromString(rs.getString(1)),
                rs.getString(2),
                rs.getString(3),
                rs.getInt(4) != 0,
                optionalInstant(rs, 5),
                Priority.fromRank(rs.getInt(6)),
                TaskEditCodec.decodeTags(rs.getString(7)),
                optionalInstant(rs, 8),
                Instant.ofEpochMilli(rs.getLong(9)),
                Instant.ofEpochMilli(rs.getLong(10)),
                serverVersion);
    }

    private static Optional<Task> findOne(Connection c, String sql, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static void bindColumns(PreparedStatement ps, Task task) throws SQLException {
        ps.setString(1, task.id().toString());
        ps.setString(2, task.title());
        ps.setString(3, task.description());
        ps.setInt(4, task.completed() ? 1 : 0);
        setOptionalInstant(ps, 5, task.completedAt());
        ps.setInt(6, task.priority().rank());
        ps.setString(7, TaskEditCodec.encodeTags(task.tags()));
        setOptionalInstant(ps, 8, task.dueAt());
        ps.setLong(9, task.createdAt().toEpochMilli());
        ps.setLong(10, task.updatedAt().toEpochMilli());
    }

    private static Optional<Instant> optionalInstant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }

    private static void setOptionalInstant(PreparedStatement ps, int index, Optional<Instant> value)
            throws SQLException {
        if (value.isPresent()) {
            ps.setLong(index, value.get().toEpochMilli());
        } else {
            ps.setNull(index, Types.INTEGER);
        }
    }
}
