package dev.tododesktop.store.conflicts;

import dev.tododesktop.store.outbox.Mutation;
import dev.tododesktop.store.outbox.MutationType;
import dev.tododesktop.store.tasks.TaskEdit;
import dev.tododesktop.store.tasks.TaskEditCodec;
import dev.tododesktop.store.tasks.TaskField;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Row I/O for {@code conflict} and {@code sync_error}, used inside the caller's transaction. */
public final class ConflictTables {
    private ConflictTables() {
    }

    /** Records (or replaces) the open conflict for one field of a task. */
    public static void putConflict(Connection c, UUID taskId, TaskField field, TaskEdit local, TaskEdit server,
                                   Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO conflict "
                + "(task_id, field, local_value, server_value, detected_at) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT (task_id, field) DO UPDATE SET local_value = excluded.local_value, "
                + "server_value = excluded.server_value, detected_at = excluded.detected_at")) {
            ps.setString(1, taskId.toString());
            ps.setString(2, field.wireName());
            ps.setString(3, TaskEditCodec.encode(local));
            ps.setString(4, TaskEditCodec.encode(server));
            ps.setLong(5, at.toEpochMilli());
            ps.executeUpdate();
        }
    }

    public static List<Conflict> conflicts(Connection c) throws SQLException {
        return readConflicts(c, "SELECT id, task_id, field, local_value, server_value, detected_at "
                + "FROM conflict ORDER BY id", Optional.empty());
    }

    public static Optional<Conflict> conflict(Connection c, long id) throws SQLException {
        return readConflicts(c, "SELECT id, task_id, field, local_value, server_value, detected_at "
                + "FROM conflict WHERE id = ?", Optional.of(id)).stream().findFirst();
    }

    public static void deleteConflict(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM conflict WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    /** A task gone from the server has nothing left to resolve. */
    public static void deleteConflictsOf(Connection c, UUID taskId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM conflict WHERE task_id = ?")) {
            ps.setString(1, taskId.toString());
            ps.executeUpdate();
        }
    }

    public static void putError(Connection c, Mutation m, String message, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_error "
                + "(mutation_id, type, task_id, fields, message, detected_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, m.mutationId().toString());
            ps.setString(2, m.type().wireName());
            ps.setString(3, m.taskId().toString());
            ps.setString(4, TaskEditCodec.encode(m.fields()));
            ps.setString(5, message);
            ps.setLong(6, at.toEpochMilli());
            ps.executeUpdate();
        }
    }

    public static List<SyncError> errors(Connection c) throws SQLException {
        List<SyncError> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, mutation_id, type, task_id, fields, message, "
                + "detected_at FROM sync_error ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new SyncError(rs.getLong(1), UUID.fromString(rs.getString(2)),
                        MutationType.fromWireName(rs.getString(3)), UUID.fromString(rs.getString(4)),
                        TaskEditCodec.decode(rs.getString(5)), rs.getString(6),
                        Instant.ofEpochMilli(rs.getLong(7))));
            }
        }
        return out;
    }

    public static void deleteError(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM sync_error WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    private static List<Conflict> readConflicts(Connection c, String sql, Optional<Long> id) throws SQLException {
        List<Conflict> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (id.isPresent()) {
                ps.setLong(1, id.get());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Conflict(rs.getLong(1), UUID.fromString(rs.getString(2)),
                            TaskField.fromWireName(rs.getString(3)), TaskEditCodec.decode(rs.getString(4)),
                            TaskEditCodec.decode(rs.getString(5)), Instant.ofEpochMilli(rs.getLong(6))));
                }
            }
        }
        return out;
    }
}
