package dev.tododesktop.server.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tododesktop.contract.ApiJson;
import dev.tododesktop.contract.tasks.Priority;
import dev.tododesktop.contract.tasks.SortOrder;
import dev.tododesktop.server.db.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * SQL for the tasks table. Every method that reads or writes a task takes the owner's user id
 * and puts it in the WHERE clause: isolation lives here, not in the endpoints.
 */
public final class TaskRepository {

    private static final ObjectMapper JSON = ApiJson.mapper();
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {};
    private static final String COLUMNS = "id, user_id, title, description, completed, completed_at, priority, tags, "
            + "due_at, created_at, updated_at, version, seq, deleted, title_v, description_v, completed_v, "
            + "priority_v, tags_v, due_at_v";

    private final Database.Dialect dialect;

    public TaskRepository(Database.Dialect dialect) {
        this.dialect = dialect;
    }

    /** This user's task or tombstone with that id; another user's task is simply not found. */
    public Optional<StoredTask> find(Handle h, UUID userId, UUID taskId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM tasks WHERE user_id = :user AND id = :id")
                .bind("user", userId.toString())
                .bind("id", taskId.toString())
                .map(TaskRepository::map)
                .findOne();
    }

    /** Whether any user holds this id, live or deleted, or ever held it (a pruned tombstone). */
    public boolean idTaken(Handle h, UUID taskId) {
        return h.createQuery("SELECT 1 FROM tasks WHERE id = :id UNION ALL SELECT 1 FROM retired_task_ids WHERE id = :id")
                .bind("id", taskId.toString())
                .mapTo(Integer.class)
                .findFirst()
                .isPresent();
    }

    /**
     * Inserts a new task unless its id is taken by anyone (a concurrent create of the same id on
     * another user's account included). Returns false when the id was taken.
     */
    public boolean insert(Handle h, StoredTask t) {
        if (h.createQuery("SELECT 1 FROM retired_task_ids WHERE id = :id").bind("id", t.id().toString())
                .mapTo(Integer.class).findFirst().isPresent()) {
            return false;
        }
        int rows = h.createUpdate("INSERT INTO tasks (" + COLUMNS + ", title_key, description_key) VALUES (:id, :user, "
                        + ":title, :description, :completed, :completedAt, :priority, :tags, :dueAt, :createdAt, "
                        + ":updatedAt, :version, :seq, :deleted, :title_v, :description_v, :completed_v, :priority_v, "
                        + ":tags_v, :due_at_v, :titleKey, :descriptionKey) ON CONFLICT (id) DO NOTHING")
                .bindMap(bindings(t))
                .execute();
        if (rows == 1) {
            replaceTags(h, t);
        }
        return rows == 1;
    }

    /** Writes a changed task (or its tombstone) over its row; the row is the user's. */
    public void update(Handle h, StoredTask t) {
        int rows = h.createUpdate("UPDATE tasks SET title = :title, description = :description, completed = :completed, "
                        + "completed_at = :completedAt, priority = :priority, tags = :tags, due_at = :dueAt, "
                        + "updated_at = :updatedAt, version = :version, seq = :seq, deleted = :deleted, "
                        + "title_v = :title_v, description_v = :description_v, completed_v = :completed_v, "
                        + "priority_v = :priority_v, tags_v = :tags_v, due_at_v = :due_at_v, title_key = :titleKey, "
                        + "description_key = :descriptionKey WHERE id = :id AND user_id = :user")
                .bindMap(bindings(t))
                .execute();
        if (rows != 1) {
            throw new IllegalStateException("task row vanished inside its owner's transaction: " + t.id());
        }
        replaceTags(h, t);
    }

    private static void replaceTags(Handle h, StoredTask t) {
        h.createUpdate("DELETE FROM task_tags WHERE task_id = :id").bind("id", t.id().toString()).execute();
        if (t.deleted() || t.tags().isEmpty()) {
            return;
        }
        var batch = h.prepareBatch("INSERT INTO task_tags (task_id, user_id, tag_key) VALUES (:id, :user, :tag) "
                + "ON CONFLICT (task_id, tag_key) DO NOTHING");
        for (String tag : t.tags()) {
            batch.bind("id", t.id().toString()).bind("user", t.userId().toString())
                    .bind("tag", tag.toLowerCase(Locale.ROOT)).add();
        }
        batch.execute();
    }

    /** A page of the user's live tasks. */
    public List<StoredTask> list(Handle h, UUID userId, TaskQuery q) {
        var sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM tasks");
        appendWhere(sql, q);
        sql.append(" ORDER BY ").append(orderBy(q)).append(" LIMIT :limit OFFSET :offset");
        var query = h.createQuery(sql.toString());
        bindWhere(query, userId, q);
        return query.bind("limit", q.limit()).bind("offset", q.offset()).map(TaskRepository::map).list();
    }

    /** How many of the user's live tasks match, before paging. */
    public long count(Handle h, UUID userId, TaskQuery q) {
        var sql = new StringBuilder("SELECT COUNT(*) FROM tasks");
        appendWhere(sql, q);
        var query = h.createQuery(sql.toString());
        bindWhere(query, userId, q);
        return query.mapTo(Long.class).one();
    }

    /** The user's tasks and tombstones changed after {@code afterSeq}, in change order. */
    public List<StoredTask> changesAfter(Handle h, UUID userId, long afterSeq, int limit) {
        return h.createQuery("SELECT " + COLUMNS + " FROM tasks WHERE user_id = :user AND seq > :seq ORDER BY seq LIMIT :limit")
                .bind("user", userId.toString())
                .bind("seq", afterSeq)
                .bind("limit", limit)
                .map(TaskRepository::map)
                .list();
    }

    private static void appendWhere(StringBuilder sql, TaskQuery q) {
        sql.append(" WHERE user_id = :user AND deleted = :deleted");
        switch (q.status()) {
            case ALL -> { }
            case PENDING, COMPLETED -> sql.append(" AND completed = :completed");
        }
        // '!' as the escape character: a backslash means different things to the SQL parsers involved.
        q.text().ifPresent(t -> sql.append(" AND (title_key LIKE :pattern ESCAPE '!' OR description_key LIKE :pattern ESCAPE '!')"));
        q.tag().ifPresent(t -> sql.append(" AND EXISTS (SELECT 1 FROM task_tags tt WHERE tt.task_id = tasks.id AND tt.user_id = :user AND tt.tag_key = :tag)"));
        q.priority().ifPresent(p -> sql.append(" AND priority = :priority"));
    }

    private static void bindWhere(Query query, UUID userId, TaskQuery q) {
        query.bind("user", userId.toString()).bind("deleted", false);
        switch (q.status()) {
            case ALL -> { }
            case PENDING -> query.bind("completed", false);
            case COMPLETED -> query.bind("completed", true);
        }
        q.text().ifPresent(t -> query.bind("pattern", "%" + escapeLike(t.toLowerCase(Locale.ROOT)) + "%"));
        q.tag().ifPresent(t -> query.bind("tag", t.toLowerCase(Locale.ROOT)));
        q.priority().ifPresent(p -> query.bind("priority", (short) p.ordinal()));
    }

    static String escapeLike(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private String orderBy(TaskQuery q) {
        String dir = q.order() == SortOrder.ASC ? "ASC" : "DESC";
        String tie = "created_at " + dir + ", id " + dir;
        // Byte order of UTF-8 is code point order on both databases; the database's locale is not.
        String binary = dialect == Database.Dialect.POSTGRES ? " COLLATE \"C\"" : "";
        return switch (q.sort()) {
            case CREATED -> tie;
            case UPDATED -> "updated_at " + dir + ", " + tie;
            case TITLE -> "title_key" + binary + " " + dir + ", " + tie;
            // Tasks without a due date last, whichever the direction.
            case DUE_DATE -> "(due_at IS NULL) ASC, due_at " + dir + ", " + tie;
            case PRIORITY -> "priority " + dir + ", " + tie;
        };
    }

    private static java.util.Map<String, Object> bindings(StoredTask t) {
        var m = new java.util.HashMap<String, Object>();
        m.put("id", t.id().toString());
        m.put("user", t.userId().toString());
        m.put("title", t.title());
        m.put("titleKey", t.title().toLowerCase(Locale.ROOT));
        m.put("description", t.description());
        m.put("descriptionKey", t.description().toLowerCase(Locale.ROOT));
        m.put("completed", t.completed());
        m.put("completedAt", millis(t.completedAt()));
        m.put("priority", (short) t.priority().ordinal());
        m.put("tags", writeTags(t.tags()));
        m.put("dueAt", millis(t.dueAt()));
        m.put("createdAt", t.createdAt().toEpochMilli());
        m.put("updatedAt", t.updatedAt().toEpochMilli());
        m.put("version", t.version());
        m.put("seq", t.seq());
        m.put("deleted", t.deleted());
        var s = t.stamps();
        m.put("title_v", s.title());
        m.put("description_v", s.description());
        m.put("completed_v", s.completed());
        m.put("priority_v", s.priority());
        m.put("tags_v", s.tags());
        m.put("due_at_v", s.dueAt());
        return m;
    }

    private static Long millis(Instant i) {
        return i == null ? null : i.toEpochMilli();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static String writeTags(List<String> tags) {
        try {
            return JSON.writeValueAsString(tags);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tags cannot be written as JSON", e);
        }
    }

    private static List<String> readTags(String json) {
        try {
            return JSON.readValue(json, STRING_LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored tags are not a JSON list", e);
        }
    }

    private static StoredTask map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new StoredTask(
                UUID.fromString(rs.getString("id")),
                UUID.fromString(rs.getString("user_id")),
                rs.getString("title"),
                rs.getString("description"),
                rs.getBoolean("completed"),
                instant(rs, "completed_at"),
                Priority.values()[rs.getShort("priority")],
                readTags(rs.getString("tags")),
                instant(rs, "due_at"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")),
                rs.getLong("version"),
                rs.getLong("seq"),
                rs.getBoolean("deleted"),
                new FieldStamps(rs.getLong("title_v"), rs.getLong("description_v"), rs.getLong("completed_v"),
                        rs.getLong("priority_v"), rs.getLong("tags_v"), rs.getLong("due_at_v")));
    }
}
