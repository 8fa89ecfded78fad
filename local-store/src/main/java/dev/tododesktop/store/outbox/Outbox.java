package dev.tododesktop.store.outbox;

import dev.tododesktop.store.tasks.TaskEditCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * Row I/O for the ordered {@code outbox} table. Entries are never merged or rewritten, so a
 * mutation_id that may have been sent always keeps its fields and its base version (the one
 * exception: {@link #rebaseUnversioned}, for entries older versions of the app stored).
 */
public final class Outbox {
    /** The version a create gives a new task on the server (docs/sync.md, "Storage"). */
    public static final long CREATED_VERSION = 1;

    private static final String COLUMNS = "mutation_id, type, task_id, base_version, fields, made_at";

    private Outbox() {
    }

    public static void append(Connection c, Mutation m) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO outbox (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, m.mutationId().toString());
            ps.setString(2, m.type().wireName());
            ps.setString(3, m.taskId().toString());
            if (m.baseVersion().isPresent()) {
                ps.setLong(4, m.baseVersion().getAsLong());
            } else {
                ps.setNull(4, Types.INTEGER);
            }
            ps.setString(5, TaskEditCodec.encode(m.fields()));
            ps.setLong(6, m.madeAt().toEpochMilli());
            ps.executeUpdate();
        }
    }

    /** Every pending entry, oldest first. */
    public static List<Mutation> all(Connection c) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM outbox ORDER BY seq", null);
    }

    public static List<Mutation> forTask(Connection c, UUID taskId) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM outbox WHERE task_id = ? ORDER BY seq", taskId.toString());
    }

    public static Optional<Mutation> find(Connection c, UUID mutationId) throws SQLException {
        List<Mutation> found = query(c, "SELECT " + COLUMNS + " FROM outbox WHERE mutation_id = ?",
                mutationId.toString());
        return found.stream().findFirst();
    }

    /**
     * Up to {@code limit} entries in outbox order, several of one task included: each carries
     * the base its user saw, and the server applies a device's edits on top of its own earlier
     * ones (docs/sync.md). Only an update stored without a base (older versions of the app did
     * that for edits made on an unacknowledged create) waits, with the task's later entries,
     * until an earlier entry of its task is answered and gives it that create's version.
     */
    public static List<Mutation> nextBatch(Connection c, int limit) throws SQLException {
        List<Mutation> batch = new ArrayList<>();
        Set<UUID> inBatch = new HashSet<>();
        Set<UUID> waiting = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox ORDER BY seq");
             ResultSet rs = ps.executeQuery()) {
            while (batch.size() < limit && rs.next()) {
                Mutation m = read(rs);
                if (waiting.contains(m.taskId())) {
                    continue;
                }
                if (m.type() == MutationType.UPDATE && m.baseVersion().isEmpty() && inBatch.contains(m.taskId())) {
                    waiting.add(m.taskId());
                    continue;
                }
                inBatch.add(m.taskId());
                batch.add(m);
            }
        }
        return batch;
    }

    public static boolean remove(Connection c, UUID mutationId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE mutation_id = ?")) {
            ps.setString(1, mutationId.toString());
            return ps.executeUpdate() > 0;
        }
    }

    /** Gives the task's pending entries stored without a version (made on its create) {@code version}. */
    public static void rebaseUnversioned(Connection c, UUID taskId, long version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET base_version = ? "
                + "WHERE task_id = ? AND base_version IS NULL")) {
            ps.setLong(1, version);
            ps.setString(2, taskId.toString());
            ps.executeUpdate();
        }
    }

    public static int count(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM outbox")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    public static Set<UUID> taskIds(Connection c) throws SQLException {
        Set<UUID> ids = new LinkedHashSet<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT DISTINCT task_id FROM outbox")) {
            while (rs.next()) {
                ids.add(UUID.fromString(rs.getString(1)));
            }
        }
        return ids;
    }

    public static void clear(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM outbox");
        }
    }

    private static List<Mutation> query(Connection c, String sql, String param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) {
                ps.setString(1, param);
            }
            List<Mutation> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        }
    }

    private static Mutation read(ResultSet rs) throws SQLException {
        long base = rs.getLong(4);
        OptionalLong baseVersion = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(base);
        return new Mutation(
                UUID.fromString(rs.getString(1)),
                MutationType.fromWireName(rs.getString(2)),
                UUID.fromString(rs.getString(3)),
                baseVersion,
                TaskEditCodec.decode(rs.getString(5)),
                Instant.ofEpochMilli(rs.getLong(6)));
    }
}
