package dev.tododesktop.server.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.tododesktop.contract.ApiJson;
import dev.tododesktop.contract.Problem;
import dev.tododesktop.contract.sync.MutationResult;
import dev.tododesktop.contract.sync.MutationStatus;
import dev.tododesktop.contract.sync.SyncChange;
import dev.tododesktop.server.db.IdLists;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The answers a user's pushes gave, kept so that a resent mutation gets the same answer again
 * (docs/sync.md, "Answers"): until the device acknowledges it, however long that takes.
 */
public final class AppliedMutations {

    private static final TypeReference<List<String>> FIELD_NAMES = new TypeReference<>() {};

    /**
     * One stored answer. {@code status} is null for a mutation applied before answers were kept
     * (only that it was applied is known); {@code version} is the version it left the task at.
     */
    public record Answer(UUID taskId, MutationStatus status, List<String> conflicts, Problem problem, Long version) {

        static Answer of(UUID taskId, MutationResult first) {
            return new Answer(taskId, first.status(), first.conflicts(), first.error(), first.version());
        }

        /** The answer again, with the task as it is now (null for an invalid one, as the first time). */
        MutationResult replay(UUID mutationId, SyncChange currentTask) {
            if (status == null) {
                return MutationResult.duplicate(mutationId, currentTask);
            }
            var task = status == MutationStatus.INVALID ? null : currentTask;
            return new MutationResult(mutationId, status, task, conflicts, problem, version, true);
        }
    }

    /** Which of {@code mutationIds} this user already sent, and the answer each got. */
    public Map<UUID, Answer> findAll(Handle h, UUID userId, Collection<UUID> mutationIds, IdLists ids) {
        var found = new HashMap<UUID, Answer>();
        ids.forIdChunks(mutationIds, chunk -> {
            var query = h.createQuery("SELECT mutation_id, task_id, status, conflicts, problem, result_version "
                    + "FROM applied_mutations WHERE user_id = :user AND " + ids.idIn("mutation_id", "ids"))
                    .bind("user", userId.toString());
            ids.bindIds(query, "ids", chunk);
            query.map((rs, ctx) -> {
                String status = rs.getString(3);
                long version = rs.getLong(6);
                Long v = rs.wasNull() ? null : version;
                return Map.entry(UUID.fromString(rs.getString(1)), new Answer(UUID.fromString(rs.getString(2)),
                        status == null ? null : MutationStatus.fromWire(status),
                        read(rs.getString(4), FIELD_NAMES), read(rs.getString(5), Problem.class), v));
            }).forEach(e -> found.put(e.getKey(), e.getValue()));
        });
        return found;
    }

    /** Stores new answers in one batch. */
    public void recordAll(Handle h, UUID userId, Map<UUID, Answer> answers, Instant at) {
        if (answers.isEmpty()) {
            return;
        }
        var batch = h.prepareBatch("INSERT INTO applied_mutations (user_id, mutation_id, task_id, applied_at, status, "
                + "conflicts, problem, result_version) VALUES (:user, :m, :task, :at, :status, :conflicts, :problem, :version)");
        answers.forEach((m, a) -> batch.bind("user", userId.toString()).bind("m", m.toString())
                .bind("task", a.taskId().toString()).bind("at", at.toEpochMilli())
                .bind("status", a.status().wire())
                .bind("conflicts", write(a.conflicts()))
                .bind("problem", write(a.problem()))
                .bind("version", a.version())
                .add());
        batch.execute();
    }

    /** Forgets answers the device has confirmed it stored; they will never be asked for again. */
    public void forget(Handle h, UUID userId, Collection<UUID> mutationIds, IdLists ids) {
        ids.forIdChunks(mutationIds, chunk -> {
            var delete = h.createUpdate("DELETE FROM applied_mutations WHERE user_id = :user AND "
                    + ids.idIn("mutation_id", "ids")).bind("user", userId.toString());
            ids.bindIds(delete, "ids", chunk);
            delete.execute();
        });
    }

    private static String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return ApiJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer cannot be written as JSON", e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return json == null ? null : ApiJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored answer is not valid JSON", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return json == null ? null : ApiJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored answer is not valid JSON", e);
        }
    }
}
