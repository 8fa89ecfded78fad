package dev.tododesktop.server.sync;

import dev.tododesktop.server.db.IdLists;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** The mutation ids a user's pushes already applied, for idempotent resends. */
public final class AppliedMutations {

    /** The task the mutation named, when this user already applied it. */
    public Optional<UUID> find(Handle h, UUID userId, UUID mutationId) {
        return h.createQuery("SELECT task_id FROM applied_mutations WHERE user_id = :user AND mutation_id = :m")
                .bind("user", userId.toString())
                .bind("m", mutationId.toString())
                .mapTo(String.class)
                .findOne()
                .map(UUID::fromString);
    }

    /** Which of {@code mutationIds} this user already applied, and the task each named. */
    public java.util.Map<UUID, UUID> findAll(Handle h, UUID userId, java.util.Collection<UUID> mutationIds,
                                             IdLists ids) {
        var found = new java.util.HashMap<UUID, UUID>();
        ids.forIdChunks(mutationIds, chunk -> {
            var query = h.createQuery("SELECT mutation_id, task_id FROM applied_mutations WHERE user_id = :user AND "
                    + ids.idIn("mutation_id", "ids")).bind("user", userId.toString());
            ids.bindIds(query, "ids", chunk);
            query.map((rs, ctx) -> java.util.Map.entry(UUID.fromString(rs.getString(1)), UUID.fromString(rs.getString(2))))
                    .forEach(e -> found.put(e.getKey(), e.getValue()));
        });
        return found;
    }

    /** Records applied mutations in one batch: {@code applied} maps mutation id to task id. */
    public void recordAll(Handle h, UUID userId, java.util.Map<UUID, UUID> applied, Instant at) {
        if (applied.isEmpty()) {
            return;
        }
        var batch = h.prepareBatch("INSERT INTO applied_mutations (user_id, mutation_id, task_id, applied_at) VALUES (:user, :m, :task, :at)");
        applied.forEach((m, task) -> batch.bind("user", userId.toString()).bind("m", m.toString())
                .bind("task", task.toString()).bind("at", at.toEpochMilli()).add());
        batch.execute();
    }

    public void record(Handle h, UUID userId, UUID mutationId, UUID taskId, Instant at) {
        h.createUpdate("INSERT INTO applied_mutations (user_id, mutation_id, task_id, applied_at) VALUES (:user, :m, :task, :at)")
                .bind("user", userId.toString())
                .bind("m", mutationId.toString())
                .bind("task", taskId.toString())
                .bind("at", at.toEpochMilli())
                .execute();
    }
}
