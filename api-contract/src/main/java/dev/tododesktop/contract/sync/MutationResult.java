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
 * {@code version} is the task version this mutation left the task at (absent when there is no
 * task, and from servers before it was added). {@code replayed} is true when the mutation was
 * already answered before and this is that same answer again (status, conflicts, error and
 * version as first given; {@code task} is the task as it is now).
 */
public record MutationResult(
        UUID mutationId,
        MutationStatus status,
        SyncChange task,
        @JsonInclude(Include.NON_NULL) List<String> conflicts,
        @JsonInclude(Include.NON_NULL) Problem error,
        @JsonInclude(Include.NON_NULL) Long version,
        @JsonInclude(Include.NON_DEFAULT) Boolean replayed) {

    public MutationResult {
        conflicts = conflicts == null ? null : List.copyOf(conflicts);
        replayed = Boolean.TRUE.equals(replayed); // absent (older servers) is false; written only when true
    }

    /** A first answer (not a replay), {@code version} taken from the task. */
    public MutationResult(UUID mutationId, MutationStatus status, SyncChange task, List<String> conflicts, Problem error) {
        this(mutationId, status, task, conflicts, error, task == null ? null : task.version(), false);
    }

    public static MutationResult applied(UUID mutationId, SyncChange task) {
        return new MutationResult(mutationId, MutationStatus.APPLIED, task, null, null);
    }

    /** A mutation applied before this server kept answers: only that it was applied is known. */
    public static MutationResult duplicate(UUID mutationId, SyncChange task) {
        return new MutationResult(mutationId, MutationStatus.DUPLICATE, task, null, null, null, true);
    }

    public static MutationResult conflict(UUID mutationId, SyncChange task, List<String> conflicts) {
        return new MutationResult(mutationId, MutationStatus.CONFLICT, task, conflicts, null);
    }

    public static MutationResult invalid(UUID mutationId, Problem error) {
        return new MutationResult(mutationId, MutationStatus.INVALID, null, null, error);
    }

    /** This answer given again for a resent mutation: the same outcome, the task as it is now. */
    public MutationResult replayedWith(SyncChange currentTask) {
        return new MutationResult(mutationId, status, currentTask, conflicts, error, version, true);
    }
}
