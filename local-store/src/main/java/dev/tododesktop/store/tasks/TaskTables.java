package dev.tododesktop.store.tasks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        putBases(c, List.of(task));
    }

    /** Batch form of {@link #putBase}: one prepared statement for the lot (pulls bring thousands). */
    public static void putBases(Connection c, Collection<Task> tasks) throws SQLException {
        if (tasks.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO base_task (" + COLUMNS + ", version) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                + "title = excluded.title, description = excluded.description, completed = excluded.completed, "
                + "completed_at = excluded.completed_at, priority = excluded.priority, tags = excluded.tags, "
                + "due_at = excluded.due_at, created_at = excluded.created_at, updated_at = excluded.updated_at, "
                + "version = excluded.version")) {
            for (Task task : tasks) {
                if (task.serverVersion().isEmpty()) {
                    throw new IllegalArgumentException("a server task needs a version: " + task.id());
                }
                bindColumns(ps, task);
                ps.setLong(11, task.serverVersion().getAsLong());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The stored server versions of those of {@code ids} that have a base. */
    public static Map<UUID, Long> baseVersions(Connection c, Collection<UUID> ids) throws SQLException {
        Map<UUID, Long> versions = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM base_task WHERE id = ?")) {
            for (UUID id : ids) {
                ps.setString(1, id.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        versions.put(id, rs.getLong(1));
                    }
                }
            }
        }
        return versions;
    }

    public static void deleteBase(Connection c, UUID id) throws SQLException {
        deleteAll(c, "DELETE FROM base_task WHERE id = ?", List.of(id));
    }

    public static void deleteBases(Connection c, Collection<UUID> ids) throws SQLException {
        deleteAll(c, "DELETE FROM base_task WHERE id = ?", ids);
    }

    /** Writes the visible task and its tag index rows. */
    public static void putVisible(Connection c, Task task) throws SQLException {
        putVisibles(c, List.of(task));
    }

    /** Batch form of {@link #putVisible}. */
    public static void putVisibles(Connection c, Collection<Task> tasks) throws SQLException {
        if (tasks.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO task (" + COLUMNS
                + ", server_version, title_key, description_key) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                + "title = excluded.title, description = excluded.description, completed = excluded.completed, "
                + "completed_at = excluded.completed_at, priority = excluded.priority, tags = excluded.tags, "
                + "due_at = excluded.due_at, created_at = excluded.created_at, updated_at = excluded.updated_at, "
                + "server_version = excluded.server_version, title_key = excluded.title_key, "
                + "description_key = excluded.description_key");
             PreparedStatement delTags = c.prepareStatement("DELETE FROM task_tag WHERE task_id = ?");
             PreparedStatement insTag = c.prepareStatement(
                     "INSERT OR IGNORE INTO task_tag (task_id, tag, tag_key) VALUES (?, ?, ?)")) {
            boolean anyTags = false;
            for (Task task : tasks) {
                bindColumns(ps, task);
                if (task.serverVersion().isPresent()) {
                    ps.setLong(11, task.serverVersion().getAsLong());
                } else {
                    ps.setNull(11, Types.INTEGER);
                }
                ps.setString(12, searchKey(task.title()));
                ps.setString(13, searchKey(task.description()));
                ps.addBatch();
                delTags.setString(1, task.id().toString());
                delTags.addBatch();
                for (String tag : task.tags()) {
                    insTag.setString(1, task.id().toString());
                    insTag.setString(2, tag);
                    insTag.setString(3, searchKey(tag));
                    insTag.addBatch();
                    anyTags = true;
                }
            }
            ps.executeBatch();
            delTags.executeBatch();
            if (anyTags) {
                insTag.executeBatch();
            }
        }
    }

    /** Removes the visible task; its tag rows go with it (ON DELETE CASCADE). */
    public static void deleteVisible(Connection c, UUID id) throws SQLException {
        deleteAll(c, "DELETE FROM task WHERE id = ?", List.of(id));
    }

    public static void deleteVisibles(Connection c, Collection<UUID> ids) throws SQLException {
        deleteAll(c, "DELETE FROM task WHERE id = ?", ids);
    }

    private static void deleteAll(Connection c, String sql, Collection<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (UUID id : ids) {
                ps.setString(1, id.toString());
                ps.addBatch();
            }
            ps.executeBatch();
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
