package dev.tododesktop.server.sync;

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

    public void record(Handle h, UUID userId, UUID mutationId, UUID taskId, Instant at) {
        h.createUpdate("INSERT INTO applied_mutations (user_id, mutation_id, task_id, applied_at) VALUES (:user, :m, :task, :at)")
                .bind("user", userId.toString())
                .bind("m", mutationId.toString())
                .bind("task", taskId.toString())
                .bind("at", at.toEpochMilli())
                .execute();
    }
}
