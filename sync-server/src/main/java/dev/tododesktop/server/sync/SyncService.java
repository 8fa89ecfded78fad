package dev.tododesktop.server.sync;

import dev.tododesktop.contract.Problem;
import dev.tododesktop.contract.sync.Mutation;
import dev.tododesktop.contract.sync.MutationResult;
import dev.tododesktop.contract.sync.SyncPullResponse;
import dev.tododesktop.contract.sync.SyncPushRequest;
import dev.tododesktop.contract.sync.SyncPushResponse;
import dev.tododesktop.server.db.Database;
import dev.tododesktop.server.events.Cursor;
import dev.tododesktop.server.http.ApiException;
import dev.tododesktop.server.tasks.StoredTask;
import dev.tododesktop.server.tasks.TaskRepository;
import dev.tododesktop.server.tasks.UserWrites;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Delta pull and batched push for one user. A push runs as one transaction holding the user's
 * lock, so it is consistent as a whole and concurrent pushes queue instead of losing updates.
 */
public final class SyncService {

    public static final int DEFAULT_PULL_LIMIT = 500;
    public static final int MAX_PULL_LIMIT = 1000;

    private final Database database;
    private final TaskRepository repository;
    private final UserWrites writes;
    private final MutationApplier applier;
    private final AppliedMutations answers;

    public SyncService(Database database, TaskRepository repository, UserWrites writes, MutationApplier applier,
                       AppliedMutations answers) {
        this.database = database;
        this.repository = repository;
        this.writes = writes;
        this.applier = applier;
        this.answers = answers;
    }

    /**
     * Changes after {@code cursor} (everything when empty), in change order. The sequence state
     * is read before the rows: any change committed in between has a larger sequence number than
     * the state read, so an empty page may safely answer with the state's cursor.
     */
    public SyncPullResponse pull(UUID userId, Optional<Cursor> cursor, int limit) {
        return database.jdbi().withHandle(h -> {
            var state = UserWrites.read(h, userId);
            if (cursor.isPresent() && (cursor.get().seq() > state.lastSeq() || cursor.get().prunedSeq() > state.prunedSeq())) {
                // Ahead of anything this user's changes reached: forged, or from another account or
                // database. Answering it would hand back a cursor past changes still to come.
                throw ApiException.badRequest("cursor", "The cursor is not one this server issued.");
            }
            if (cursor.isPresent() && cursor.get().expiredBy(state.prunedSeq())) {
                throw cursorExpired();
            }
            long after = cursor.map(Cursor::seq).orElse(0L);
            var rows = repository.changesAfter(h, userId, after, limit + 1);
            boolean hasMore = rows.size() > limit;
            var page = hasMore ? rows.subList(0, limit) : rows;
            // On the last page every change up to the state read is in hand, pruned ones included.
            long next = hasMore ? page.getLast().seq()
                    : Math.max(Math.max(after, state.lastSeq()), page.isEmpty() ? 0 : page.getLast().seq());
            return new SyncPullResponse(page.stream().map(StoredTask::toChange).toList(),
                    new Cursor(next, state.prunedSeq()).encode(), hasMore);
        });
    }

    /** The newest cursor of this user, as the event stream announces it. */
    public String newestCursor(UUID userId) {
        var state = database.jdbi().withHandle(h -> UserWrites.read(h, userId));
        return new Cursor(state.lastSeq(), state.prunedSeq()).encode();
    }

    /** A push by an unknown session (no writes are taken for the pusher's own); tests and tools. */
    public SyncPushResponse push(UUID userId, SyncPushRequest request) {
        return push(userId, null, request);
    }

    /** {@link #push(UUID, UUID, List, List)} of a request read as a whole (every mutation readable). */
    public SyncPushResponse push(UUID userId, UUID session, SyncPushRequest request) {
        return push(userId, session, request.mutations().stream().<PushItem>map(PushItem.Readable::new).toList(),
                request.acknowledged());
    }

    /**
     * Applies a push in one transaction under the user's lock, and forgets the answers it
     * acknowledges (never those of mutations it carries again). {@code session} is the pushing
     * device's session. Unreadable entries (as read from HTTP) answer {@code invalid} in their
     * place; the others apply in order.
     */
    public SyncPushResponse push(UUID userId, UUID session, List<PushItem> items, List<UUID> acknowledged) {
        if (items.size() > SyncPushRequest.MAX_MUTATIONS) {
            throw tooManyMutations();
        }
        if (acknowledged.size() > SyncPushRequest.MAX_ACKNOWLEDGED) {
            throw tooManyAcknowledged();
        }
        var readable = new ArrayList<Mutation>(items.size());
        var forget = new java.util.LinkedHashSet<>(acknowledged);
        for (var item : items) {
            switch (item) {
                case PushItem.Readable(Mutation m) -> {
                    readable.add(m);
                    forget.remove(m.mutationId());
                }
                case PushItem.Unreadable(UUID mutationId, Problem problem) -> forget.remove(mutationId);
            }
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return writes.inTransaction(userId, tx -> {
                    var applied = applier.applyAll(tx, readable, session).iterator();
                    var results = new ArrayList<MutationResult>(items.size());
                    for (var item : items) {
                        results.add(switch (item) {
                            case PushItem.Readable r -> applied.next();
                            case PushItem.Unreadable(UUID mutationId, Problem problem) -> MutationResult.invalid(mutationId, problem);
                        });
                    }
                    answers.forget(tx.handle(), userId, forget, repository.ids());
                    return new SyncPushResponse(results, new Cursor(tx.lastSeq(), tx.prunedSeq()).encode());
                });
            } catch (PushBatch.IdTakenMeanwhile e) {
                // Rolled back; the next attempt reads the id as taken and answers that mutation so.
                if (attempt >= 3) {
                    throw ApiException.serviceUnavailable("The server is busy; try again.");
                }
            }
        }
    }

    static ApiException tooManyAcknowledged() {
        return ApiException.validation("acknowledged", "A push acknowledges at most " + SyncPushRequest.MAX_ACKNOWLEDGED
                + " answers; acknowledge the rest in the next push.");
    }

    static ApiException tooManyMutations() {
        return ApiException.validation("mutations", "A push carries at most " + SyncPushRequest.MAX_MUTATIONS
                + " mutations; send the rest in another push.");
    }

    static ApiException cursorExpired() {
        return new ApiException(new Problem(Problem.TYPE_PREFIX + "cursor-expired", "Cursor expired", 410,
                "Changes this old are no longer kept; pull again without a cursor for a full copy.", null), Map.of());
    }
}
