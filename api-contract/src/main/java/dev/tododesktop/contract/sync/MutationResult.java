package dev.tododesktop.contract.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import dev.tododesktop.contract.Problem;
import java.util.List;
import java.util.UUID;

/**
 * The outcome of one mutation. {@code task} is the task as the server now holds it (a tombstone
 * if deleted, null when there is none); {@code conflicts} names the fields that kept the
 * server's value (only with {@code conflict}); {@code error} says why (only with {@code invalid}).
 */
public record MutationResult(
        UUID mutationId,
        MutationStatus status,
        SyncChange task,
        @JsonInclude(Include.NON_NULL) List<String> conflicts,
        @JsonInclude(Include.NON_NULL) Problem error) {

    public MutationResult {
        conflicts = conflicts == null ? null : List.copyOf(conflicts);
    }

    public static MutationResult applied(UUID mutationId, SyncChange task) {
        return new MutationResult(mutationId, MutationStatus.APPLIED, task, null, null);
    }

    public static MutationResult duplicate(UUID mutationId, SyncChange task) {
        return new MutationResult(mutationId, MutationStatus.DUPLICATE, task, null, null);
    }

    public static MutationResult conflict(UUID mutationId, SyncChange task, List<String> conflicts) {
        return new MutationResult(mutationId, MutationStatus.CONFLICT, task, conflicts, null);
    }

    public static MutationResult invalid(UUID mutationId, Problem error) {
        return new MutationResult(mutationId, MutationStatus.INVALID, null, null, error);
    }
}
