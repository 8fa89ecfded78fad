package dev.tododesktop.store.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Row I/O for {@code answered_mutation}: ids of mutations whose answers this store has applied
 * and the server has not yet been told about. The server keeps every answer until it is
 * acknowledged (docs/sync.md, "Answers"), so these ride along with the next push.
 */
final class AnsweredMutations {
    private AnsweredMutations() {
    }

    static void add(Connection c, UUID mutationId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO answered_mutation (mutation_id) VALUES (?) ON CONFLICT (mutation_id) DO NOTHING")) {
            ps.setString(1, mutationId.toString());
            ps.executeUpdate();
        }
    }

    static List<UUID> oldest(Connection c, int max) throws SQLException {
        List<UUID> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT mutation_id FROM answered_mutation ORDER BY seq LIMIT ?")) {
            ps.setInt(1, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(UUID.fromString(rs.getString(1)));
                }
            }
        }
        return out;
    }

    static void remove(Connection c, Collection<UUID> mutationIds) throws SQLException {
        if (mutationIds.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM answered_mutation WHERE mutation_id = ?")) {
            for (UUID id : mutationIds) {
                ps.setString(1, id.toString());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
