package dev.tododesktop.server.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.tododesktop.contract.ApiJson;
import dev.tododesktop.contract.tasks.Priority;
import dev.tododesktop.contract.tasks.SortOrder;
import dev.tododesktop.server.db.Database;
import dev.tododesktop.server.db.IdLists;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * SQL for the tasks table. Every method that reads or writes a task takes the owner's user id
 * and puts it in the WHERE clause: isolation lives here, not in the endpoints.
 */
public final class TaskRepository {

    // Prebuilt reader/writer: tags are read for every row of every list and pull.
    private static final com.fasterxml.jackson.core.JsonFactory TAGS_FACTORY = ApiJson.mapper().getFactory();
    private static final ObjectWriter TAGS_WRITER = ApiJson.mapper().writerFor(new TypeReference<List<String>>() {});
    private static final String COLUMNS = "id, user_id, title, description, completed, completed_at, priority, tags, "
            + "due_at, created_at, updated_at, version, seq, deleted, title_v, description_v, completed_v, "
            + "priority_v, tags_v, due_at_v, title_by, description_by, completed_by, priority_by, tags_by, due_at_by";
    /** Position of {@code total_matching} in {@link #page}'s rows: right after {@link #COLUMNS}. */
    private static final int TOTAL_COLUMN = 27;

    private final Database.Dialect dialect;
    private final IdLists idLists;

    public TaskRepository(Database.Dialect dialect) {
        this.dialect = dialect;
        this.idLists = new IdLists(dialect);
    }

    /** The dialect's way of looking rows up by many ids, for other tables' repositories. */
    public IdLists ids() {
        return idLists;
    }

    /** This user's task or tombstone with that id; another user's task is simply not found. */
    public Optional<StoredTask> find(Handle h, UUID userId, UUID taskId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM tasks WHERE user_id = :user AND id = :id")
                .bind("user", userId.toString())
                .bind("id", taskId.toString())
                .map(TaskRepository::map)
                .findOne();
    }

    /**
     * This user's tasks and tombstones among {@code ids}, by id: on PostgreSQL one query with the
     * ids as one array parameter ({@code = ANY(?)}: one statement text and plan whatever the
     * count), on SQLite one {@code IN (…)} query per 500 ids.
     */
    public java.util.Map<UUID, StoredTask> findAll(Handle h, UUID userId, java.util.Collection<UUID> ids) {
        var found = new java.util.HashMap<UUID, StoredTask>();
        idLists.forIdChunks(ids, chunk -> {
            var query = h.createQuery("SELECT " + COLUMNS + " FROM tasks WHERE user_id = :user AND " + idLists.idIn("id", "ids"))
                    .bind("user", userId.toString());
            idLists.bindIds(query, "ids", chunk);
            query.map((rs, ctx) -> map(rs, userId)).forEach(t -> found.put(t.id(), t));
        });
        return found;
    }

    /** Of {@code ids}, those any user holds (live or deleted) or ever held (a pruned tombstone). */
    public java.util.Set<UUID> takenIds(Handle h, java.util.Collection<UUID> ids) {
        var taken = new java.util.HashSet<UUID>();
        idLists.forIdChunks(ids, chunk -> {
            var query = h.createQuery("SELECT id FROM tasks WHERE " + idLists.idIn("id", "ids")
                    + " UNION ALL SELECT id FROM retired_task_ids WHERE " + idLists.idIn("id", "ids"));
            idLists.bindIds(query, "ids", chunk);
            query.mapTo(String.class).forEach(id -> taken.add(UUID.fromString(id)));
        });
        return taken;
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
                        + ":tags_v, :due_at_v, :title_by, :description_by, :completed_by, :priority_by, :tags_by, "
                        + ":due_at_by, :titleKey, :descriptionKey) ON CONFLICT (id) DO NOTHING")
                .bindMap(bindings(t))
                .execute();
        if (rows == 1 && !t.tags().isEmpty()) {
            insertTags(h, t);
        }
        return rows == 1;
    }

    private static final String[] INSERT_COLUMNS = {"id", "user_id", "title", "description", "completed", "completed_at",
            "priority", "tags", "due_at", "created_at", "updated_at", "version", "seq", "deleted", "title_v",
            "description_v", "completed_v", "priority_v", "tags_v", "due_at_v", "title_by", "description_by", "completed_by",
            "priority_by", "tags_by", "due_at_by", "title_key", "description_key"};
    private static final int INSERT_ROWS_PER_STATEMENT = 100;

    /**
     * Inserts new tasks with multi-row {@code INSERT … ON CONFLICT (id) DO NOTHING RETURNING id}
     * (one statement per 100 rows instead of one round trip per task), then their tags in one
     * batch. Returns the ids actually inserted: an id missing from the answer was taken by a
     * concurrent writer since the caller checked {@link #takenIds}.
     */
    public java.util.Set<UUID> insertAll(Handle h, List<StoredTask> tasks) throws SQLException {
        var inserted = new java.util.HashSet<UUID>();
        var connection = h.getConnection();
        for (int from = 0; from < tasks.size(); from += INSERT_ROWS_PER_STATEMENT) {
            var rows = tasks.subList(from, Math.min(tasks.size(), from + INSERT_ROWS_PER_STATEMENT));
            var sql = new StringBuilder("INSERT INTO tasks (").append(String.join(", ", INSERT_COLUMNS)).append(") VALUES ");
            String row = "(" + "?, ".repeat(INSERT_COLUMNS.length - 1) + "?)";
            for (int i = 0; i < rows.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(row);
            }
            sql.append(" ON CONFLICT (id) DO NOTHING RETURNING id");
            try (var ps = connection.prepareStatement(sql.toString())) {
                int p = 1;
                for (var t : rows) {
                    ps.setString(p++, t.id().toString());
                    ps.setString(p++, t.userId().toString());
                    ps.setString(p++, t.title());
                    ps.setString(p++, t.description());
                    ps.setBoolean(p++, t.completed());
                    setMillis(ps, p++, t.completedAt());
                    ps.setShort(p++, (short) t.priority().ordinal());
                    ps.setString(p++, writeTags(t.tags()));
                    setMillis(ps, p++, t.dueAt());
                    ps.setLong(p++, t.createdAt().toEpochMilli());
                    ps.setLong(p++, t.updatedAt().toEpochMilli());
                    ps.setLong(p++, t.version());
                    ps.setLong(p++, t.seq());
                    ps.setBoolean(p++, t.deleted());
                    var s = t.stamps();
                    ps.setLong(p++, s.title());
                    ps.setLong(p++, s.description());
                    ps.setLong(p++, s.completed());
                    ps.setLong(p++, s.priority());
                    ps.setLong(p++, s.tags());
                    ps.setLong(p++, s.dueAt());
                    var w = t.writers();
                    ps.setString(p++, w.title());
                    ps.setString(p++, w.description());
                    ps.setString(p++, w.completed());
                    ps.setString(p++, w.priority());
                    ps.setString(p++, w.tags());
                    ps.setString(p++, w.dueAt());
                    ps.setString(p++, t.title().toLowerCase(Locale.ROOT));
                    ps.setString(p++, t.description().toLowerCase(Locale.ROOT));
                }
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        inserted.add(UUID.fromString(rs.getString(1)));
                    }
                }
            }
        }
        insertTagsAll(h, tasks.stream().filter(t -> inserted.contains(t.id()) && !t.deleted()).toList());
        return inserted;
    }

    private static void setMillis(java.sql.PreparedStatement ps, int position, Instant i) throws SQLException {
        if (i == null) {
            ps.setNull(position, java.sql.Types.BIGINT);
        } else {
            ps.setLong(position, i.toEpochMilli());
        }
    }

    /** The tags of many tasks in one batch. */
    private static void insertTagsAll(Handle h, List<StoredTask> tasks) {
        var batch = h.prepareBatch("INSERT INTO task_tags (task_id, user_id, tag_key) VALUES (:id, :user, :tag) "
                + "ON CONFLICT (task_id, tag_key) DO NOTHING");
        for (var t : tasks) {
            for (String tag : t.tags()) {
                batch.bind("id", t.id().toString()).bind("user", t.userId().toString())
                        .bind("tag", tag.toLowerCase(Locale.ROOT)).add();
            }
        }
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    /**
     * Writes changed tasks over their rows in one batch: {@code changes} maps each task as it was
     * read to its new state. Tags are rewritten only for tasks whose tags changed.
     */
    public void updateAll(Handle h, List<java.util.Map.Entry<StoredTask, StoredTask>> changes) {
        if (changes.isEmpty()) {
            return;
        }
        var batch = h.prepareBatch(UPDATE_SQL);
        for (var change : changes) {
            batch.bindMap(bindings(change.getValue())).add();
        }
        int[] rows = batch.execute();
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] != 1) {
                throw new IllegalStateException("task row vanished inside its owner's transaction: " + changes.get(i).getValue().id());
            }
        }
        var retagged = new java.util.ArrayList<StoredTask>();
        for (var change : changes) {
            var before = change.getKey();
            var t = change.getValue();
            if (t.deleted() != before.deleted() || !t.tags().equals(before.tags())) {
                retagged.add(t);
            }
        }
        if (!retagged.isEmpty()) {
            var delete = h.prepareBatch("DELETE FROM task_tags WHERE task_id = :id");
            retagged.forEach(t -> delete.bind("id", t.id().toString()).add());
            delete.execute();
            insertTagsAll(h, retagged.stream().filter(t -> !t.deleted()).toList());
        }
    }

    private static final String UPDATE_SQL = "UPDATE tasks SET title = :title, description = :description, completed = :completed, "
            + "completed_at = :completedAt, priority = :priority, tags = :tags, due_at = :dueAt, "
            + "updated_at = :updatedAt, version = :version, seq = :seq, deleted = :deleted, "
            + "title_v = :title_v, description_v = :description_v, completed_v = :completed_v, "
            + "priority_v = :priority_v, tags_v = :tags_v, due_at_v = :due_at_v, title_by = :title_by, "
            + "description_by = :description_by, completed_by = :completed_by, priority_by = :priority_by, "
            + "tags_by = :tags_by, due_at_by = :due_at_by, title_key = :titleKey, "
            + "description_key = :descriptionKey WHERE id = :id AND user_id = :user";

    /** Writes a changed task (or its tombstone) over its row; the row is the user's. */
    public void update(Handle h, StoredTask before, StoredTask t) {
        boolean tagsChanged = t.deleted() != before.deleted() || !t.tags().equals(before.tags());
        int rows = h.createUpdate(UPDATE_SQL)
                .bindMap(bindings(t))
                .execute();
        if (rows != 1) {
            throw new IllegalStateException("task row vanished inside its owner's transaction: " + t.id());
        }
        if (tagsChanged) {
            replaceTags(h, t);
        }
    }

    private static void replaceTags(Handle h, StoredTask t) {
        h.createUpdate("DELETE FROM task_tags WHERE task_id = :id").bind("id", t.id().toString()).execute();
        if (t.deleted() || t.tags().isEmpty()) {
            return;
        }
        insertTags(h, t);
    }

    private static void insertTags(Handle h, StoredTask t) {
        var batch = h.prepareBatch("INSERT INTO task_tags (task_id, user_id, tag_key) VALUES (:id, :user, :tag) "
                + "ON CONFLICT (task_id, tag_key) DO NOTHING");
        for (String tag : t.tags()) {
            batch.bind("id", t.id().toString()).bind("user", t.userId().toString())
                    .bind("tag", tag.toLowerCase(Locale.ROOT)).add();
        }
        batch.execute();
    }

    /** A page of the user's live tasks and how many match before paging. */
    public record Page(List<StoredTask> items, long total) {}

    /**
     * A page of the user's live tasks and how many match before paging, in one statement
     * ({@code COUNT(*) OVER ()} is computed before LIMIT/OFFSET; a page past the end has no row
     * to carry the total, so only then is it counted separately). Plain JDBC: the task list is
     * the hottest read, and JFR put the JDBI handle and statement machinery (handle open/close,
     * argument factories, statement context, cleanables, result streams) at a quarter of the
     * list's CPU, beside 8% in SQLite itself.
     */
    public Page page(java.sql.Connection c, UUID userId, TaskQuery q) throws SQLException {
        var args = new java.util.ArrayList<Object>(8);
        var sql = new StringBuilder(600).append("SELECT ").append(COLUMNS).append(", COUNT(*) OVER () AS total_matching FROM tasks");
        appendWhere(sql, userId, q, args);
        sql.append(" ORDER BY ").append(orderBy(q)).append(" LIMIT ? OFFSET ?");
        args.add(q.limit());
        args.add(q.offset());
        var items = new java.util.ArrayList<StoredTask>(Math.min(q.limit(), 100));
        long total = -1;
        try (var ps = c.prepareStatement(sql.toString())) {
            bind(ps, args);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    total = rs.getLong(TOTAL_COLUMN);
                    items.add(map(rs, userId));
                }
            }
        }
        if (items.isEmpty()) {
            return new Page(items, q.offset() == 0 ? 0 : count(c, userId, q));
        }
        return new Page(items, total);
    }

    private long count(java.sql.Connection c, UUID userId, TaskQuery q) throws SQLException {
        var args = new java.util.ArrayList<Object>(8);
        var sql = new StringBuilder("SELECT COUNT(*) FROM tasks");
        appendWhere(sql, userId, q, args);
        try (var ps = c.prepareStatement(sql.toString())) {
            bind(ps, args);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The list's filter: the user's live tasks, then status, text, tag and priority when given. */
    private static void appendWhere(StringBuilder sql, UUID userId, TaskQuery q, List<Object> args) {
        String user = userId.toString();
        sql.append(" WHERE user_id = ? AND deleted = ?");
        args.add(user);
        args.add(false);
        switch (q.status()) {
            case ALL -> { }
            case PENDING -> {
                sql.append(" AND completed = ?");
                args.add(false);
            }
            case COMPLETED -> {
                sql.append(" AND completed = ?");
                args.add(true);
            }
        }
        q.text().ifPresent(t -> {
            String pattern = "%" + escapeLike(t.toLowerCase(Locale.ROOT)) + "%";
            sql.append(" AND (title_key LIKE ? ESCAPE '!' OR description_key LIKE ? ESCAPE '!')");
            args.add(pattern);
            args.add(pattern);
        });
        q.tag().ifPresent(t -> {
            sql.append(" AND EXISTS (SELECT 1 FROM task_tags tt WHERE tt.task_id = tasks.id AND tt.user_id = ? AND tt.tag_key = ?)");
            args.add(user);
            args.add(t.toLowerCase(Locale.ROOT));
        });
        q.priority().ifPresent(p -> {
            sql.append(" AND priority = ?");
            args.add((short) p.ordinal());
        });
    }

    private static void bind(java.sql.PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case String v -> ps.setString(i + 1, v);
                case Boolean v -> ps.setBoolean(i + 1, v);
                case Integer v -> ps.setInt(i + 1, v);
                case Long v -> ps.setLong(i + 1, v);
                case Short v -> ps.setShort(i + 1, v);
                default -> throw new IllegalArgumentException("cannot bind " + args.get(i).getClass());
            }
        }
    }

    /** The user's tasks and tombstones changed after {@code afterSeq}, in change order. */
    public List<StoredTask> changesAfter(Handle h, UUID userId, long afterSeq, int limit) {
        return h.createQuery("SELECT " + COLUMNS + " FROM tasks WHERE user_id = :user AND seq > :seq ORDER BY seq LIMIT :limit")
                .bind("user", userId.toString())
                .bind("seq", afterSeq)
                .bind("limit", limit)
                .map((rs, ctx) -> map(rs, userId))
                .list();
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
        var w = t.writers();
        m.put("title_by", w.title());
        m.put("description_by", w.description());
        m.put("completed_by", w.completed());
        m.put("priority_by", w.priority());
        m.put("tags_by", w.tags());
        m.put("due_at_by", w.dueAt());
        return m;
    }

    private static Long millis(Instant i) {
        return i == null ? null : i.toEpochMilli();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static String writeTags(List<String> tags) {
        try {
            return TAGS_WRITER.writeValueAsString(tags);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tags cannot be written as JSON", e);
        }
    }

    /**
     * Stored tags are a JSON array of strings this class wrote; read with a bare streaming parser
     * (an ObjectReader builds a deserialization context per call, and this runs for every row of
     * every list and pull).
     */
    static List<String> readTags(String json) {
        if (json.equals("[]")) {
            return List.of();
        }
        try (var parser = TAGS_FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalStateException("stored tags are not a JSON list");
            }
            var tags = new java.util.ArrayList<String>(4);
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
                tags.add(parser.getText());
            }
            if (token != JsonToken.END_ARRAY) {
                throw new IllegalStateException("stored tags are not a JSON list of strings");
            }
            return tags;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored tags are not a JSON list", e);
        }
    }

    private static StoredTask map(ResultSet rs, StatementContext ctx) throws SQLException {
        return map(rs, (UUID) null);
    }

    /**
     * A row of {@link #COLUMNS}, read by position (by name, both drivers look every column up in
     * a map). {@code owner}, when known, saves parsing the same user id on every row.
     */
    private static StoredTask map(ResultSet rs, UUID owner) throws SQLException {
        return new StoredTask(
                UUID.fromString(rs.getString(1)),
                owner != null ? owner : UUID.fromString(rs.getString(2)),
                rs.getString(3),
                rs.getString(4),
                rs.getBoolean(5),
                instant(rs, 6),
                PRIORITIES[rs.getShort(7)],
                readTags(rs.getString(8)),
                instant(rs, 9),
                Instant.ofEpochMilli(rs.getLong(10)),
                Instant.ofEpochMilli(rs.getLong(11)),
                rs.getLong(12),
                rs.getLong(13),
                rs.getBoolean(14),
                new FieldStamps(rs.getLong(15), rs.getLong(16), rs.getLong(17),
                        rs.getLong(18), rs.getLong(19), rs.getLong(20)),
                new FieldWriters(rs.getString(21), rs.getString(22), rs.getString(23),
                        rs.getString(24), rs.getString(25), rs.getString(26)));
    }

    private static final Priority[] PRIORITIES = Priority.values();
}
