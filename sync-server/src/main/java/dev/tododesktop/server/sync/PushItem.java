package dev.tododesktop.server.sync;

import dev.tododesktop.contract.Problem;
import dev.tododesktop.contract.sync.Mutation;
import java.util.UUID;

/**
 * One entry of a push's {@code mutations}: a mutation read as such, or one that could not be
 * (not an object, a field of the wrong type or unknown, text no database can store). An
 * unreadable entry is answered {@code invalid} in its place and the others still apply; its
 * {@code mutationId} is null when the entry had no readable {@code mutation_id}.
 */
public sealed interface PushItem {

    record Readable(Mutation mutation) implements PushItem {}

    record Unreadable(UUID mutationId, Problem problem) implements PushItem {}
}
