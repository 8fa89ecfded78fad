package dev.tododesktop.server.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;

/**
 * Looks many rows up by id in as few statements as the dialect allows: {@link #forIdChunks} splits
 * the ids, {@link #idIn} writes the condition, {@link #bindIds} binds one chunk.
 */
public final class IdLists {

    private static final int SQLITE_CHUNK = 500;

    private final Database.Dialect dialect;

    public IdLists(Database.Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * {@code column IN (the ids)} as this dialect writes it best; bind with {@link #bindIds}. On
     * PostgreSQL one text[] parameter ({@code = ANY(?)}), in a statement that pgjdbc must not
     * server-prepare: from the sixth execution of a prepared statement PostgreSQL may use a
     * generic plan, in which the array is unknown and cannot be hashed, and JFR showed such
     * lookups waiting 200-300 ms (every row of the user compared with all 500 ids; an unnested
     * semi-join fared no better once the tables had been analysed), against 2 ms when planned
     * with the array in hand (EXPLAIN ANALYZE).
     */
    public String idIn(String column, String name) {
        return dialect == Database.Dialect.POSTGRES ? column + " = ANY(:" + name + ")" : column + " IN (<" + name + ">)";
    }

    public void bindIds(SqlStatement<?> statement, String name, List<String> ids) {
        if (dialect == Database.Dialect.POSTGRES) {
            String[] array = ids.toArray(String[]::new);
            statement.bind(name, (Argument) (position, ps, ctx) ->
                    ps.setArray(position, ps.getConnection().createArrayOf("text", array)));
            statement.addCustomizer(new StatementCustomizer() {
                @Override
                public void beforeExecution(PreparedStatement ps, StatementContext ctx) throws SQLException {
                    // 0: always the unnamed statement, planned with this execution's parameters.
                    ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
                }
            });
        } else {
            statement.bindList(name, ids);
        }
    }

    /** Runs {@code each} over the ids as strings: all at once on PostgreSQL, 500 at a time on SQLite. */
    public void forIdChunks(Collection<UUID> ids, Consumer<List<String>> each) {
        if (ids.isEmpty()) {
            return;
        }
        var list = ids.stream().map(UUID::toString).toList();
        int chunk = dialect == Database.Dialect.POSTGRES ? Integer.MAX_VALUE : SQLITE_CHUNK;
        for (int from = 0; from < list.size(); from += chunk) {
            each.accept(list.subList(from, (int) Math.min(list.size(), (long) from + chunk)));
        }
    }
}
