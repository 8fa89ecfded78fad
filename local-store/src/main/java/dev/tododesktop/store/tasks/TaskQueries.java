package dev.tododesktop.store.tasks;

import dev.tododesktop.store.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The UI's read side, over the materialised {@code task} table (base + pending edits). */
public final class TaskQueries {

    /** {@link Task#isOverdue} in SQL, bound to "now" in epoch milliseconds; the list filter and the counts share it. */
    static final String OVERDUE_SQL = "completed = 0 AND due_at < ?";
    private final Database db;

    public TaskQueries(Database db) {
        this.db = db;
    }

    public Optional<Task> get(UUID id) {
        return db.read(c -> TaskTables.findVisible(c, id));
    }

    public List<Task> list(TaskQuery query) {
        Sql sql = where(query);
        String select = "SELECT " + TaskTables.COLUMNS + ", server_version FROM task t" + sql.where()
                + " ORDER BY " + orderBy(query)
                + query.page().map(p -> " LIMIT " + p.limit() + " OFFSET " + p.offset()).orElse("");
        return db.read(c -> {
            try (PreparedStatement ps = sql.prepare(c, select); ResultSet rs = ps.executeQuery()) {
                List<Task> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(TaskTables.read(rs));
                }
                return out;
            }
        });
    }

    /** How many tasks {@link #list} would return. */
    public int count(TaskQuery query) {
        Sql sql = where(query);
        return db.read(c -> {
            try (PreparedStatement ps = sql.prepare(c, "SELECT count(*) FROM task t" + sql.where());
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    public TaskCounts counts(Instant now, ZoneId zone) {
        DayBounds today = DayBounds.of(now, zone);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*), "
                    + "coalesce(sum(completed = 0), 0), coalesce(sum(completed = 1), 0), "
                    + "coalesce(sum(" + OVERDUE_SQL + "), 0), "
                    + "coalesce(sum(due_at >= ? AND due_at < ?), 0) FROM task")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setLong(2, today.start());
                ps.setLong(3, today.end());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new TaskCounts(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5));
                }
            }
        });
    }

    /** Distinct tags in use, case-insensitively, sorted. */
    public List<String> tags() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT min(tag) FROM task_tag GROUP BY tag_key ORDER BY tag_key");
                 ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        });
    }

    private static Sql where(TaskQuery q) {
        Sql sql = new Sql();
        switch (q.status()) {
            case ALL -> { }
            case ACTIVE -> sql.and("completed = 0");
            case COMPLETED -> sql.and("completed = 1");
            case OVERDUE -> sql.and(OVERDUE_SQL, q.now().toEpochMilli());
            case DUE_TODAY -> {
                DayBounds today = DayBounds.of(q.now(), q.zone());
                sql.and("due_at >= ? AND due_at < ?", today.start(), today.end());
            }
        }
        q.tag().ifPresent(tag -> sql.and(
                "EXISTS (SELECT 1 FROM task_tag tt WHERE tt.task_id = t.id AND tt.tag_key = ?)",
                TaskTables.searchKey(tag)));
        q.priority().ifPresent(p -> sql.and("priority = ?", (long) p.rank()));
        q.search().ifPresent(text -> {
            String pattern = "%" + escapeLike(TaskTables.searchKey(text)) + "%";
            sql.and("(title_key LIKE ? ESCAPE '\\' OR description_key LIKE ? ESCAPE '\\')", pattern, pattern);
        });
        return sql;
    }

    private static String orderBy(TaskQuery q) {
        String dir = q.descending() ? " DESC" : " ASC";
        String key = switch (q.sort()) {
            case CREATED -> "created_at" + dir;
            case UPDATED -> "updated_at" + dir;
            case TITLE -> "title_key" + dir;
            case DUE_DATE -> "due_at IS NULL, due_at" + dir;
            case PRIORITY -> "priority" + dir;
        };
        return key + ", created_at" + dir + ", id" + dir;
    }

    /** User text is matched literally: LIKE's wildcards and the escape character are escaped. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private record DayBounds(long start, long end) {
        static DayBounds of(Instant now, ZoneId zone) {
            LocalDate day = LocalDate.ofInstant(now, zone);
            return new DayBounds(day.atStartOfDay(zone).toInstant().toEpochMilli(),
                    day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli());
        }
    }

    /** A WHERE clause with its parameters, built in step. */
    private static final class Sql {
        private final StringBuilder where = new StringBuilder();
        private final List<Object> params = new ArrayList<>();

        void and(String condition, Object... values) {
            where.append(where.isEmpty() ? " WHERE " : " AND ").append(condition);
            params.addAll(List.of(values));
        }

        String where() {
            return where.toString();
        }

        PreparedStatement prepare(Connection c, String statement) throws SQLException {
            PreparedStatement ps = c.prepareStatement(statement);
            try {
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                return ps;
            } catch (SQLException e) {
                ps.close();
                throw e;
            }
        }
    }
}
