package dev.tododesktop.server.sync;

import dev.tododesktop.contract.Problem;
import dev.tododesktop.contract.sync.Mutation;
import dev.tododesktop.contract.sync.MutationResult;
import dev.tododesktop.contract.sync.SyncPullResponse;
import dev.tododesktop.contract.sync.SyncPushRequest;
import dev.tododesktop.contract.sync.SyncPushResponse;
import dev.tododesktop.server.db.Database;
import dev.tododesktop.server.http.ApiException;
import dev.tododesktop.server.tasks.StoredTask;
import dev.tododesktop.server.tasks.TaskRepository;
import dev.tododesktop.server.tasks.UserWrites;
import java.util.ArrayList;
import java.util.Map;
import java.util.OptionalLong;
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

    public SyncService(Database database, TaskRepository repository, UserWrites writes, MutationApplier applier) {
        this.database = database;
        this.repository = repository;
        this.writes = writes;
        this.applier = applier;
    }

    /**
     * Changes after {@code cursor} (everything when empty), in change order. The sequence state
     * is read before the rows: any change committed in between has a larger sequence number than
     * the state read, so an empty page may safely answer with the state's cursor.
     */
    public SyncPullResponse pull(UUID userId, OptionalLong cursor, int limit) {
        return database.jdbi().withHandle(h -> {
            var state = UserWrites.read(h, userId);
            long after = cursor.orElse(0);
            if (cursor.isPresent() && after < state.prunedSeq()) {
                throw cursorExpired();
            }
            var rows = repository.changesAfter(h, userId, after, limit + 1);
            boolean hasMore = rows.size() > limit;
            var page = hasMore ? rows.subList(0, limit) : rows;
            long next = page.isEmpty() ? Math.max(after, state.lastSeq()) : page.getLast().seq();
            return new SyncPullResponse(page.stream().map(StoredTask::toChange).toList(), Cursor.encode(next), hasMore);
        });
    }

    /** The newest cursor of this user, as the event stream announces it. */
    public String newestCursor(UUID userId) {
        return Cursor.encode(database.jdbi().withHandle(h -> UserWrites.read(h, userId)).lastSeq());
    }

    public SyncPushResponse push(UUID userId, SyncPushRequest request) {
        if (request.mutations().size() > SyncPushRequest.MAX_MUTATIONS) {
            throw ApiException.validation("mutations", "A push carries at most " + SyncPushRequest.MAX_MUTATIONS
                    + " mutations; send the rest in another push.");
        }
        return writes.inTransaction(userId, tx -> {
            var results = new ArrayList<MutationResult>(request.mutations().size());
            var state = new MutationApplier.PushState();
            for (Mutation m : request.mutations()) {
                results.add(applier.apply(tx, m, state));
            }
            return new SyncPushResponse(results, Cursor.encode(tx.lastSeq()));
        });
    }

    static ApiException cursorExpired() {
        return new ApiException(new Problem("urn:todo-desktop:problem:cursor-expired", "Cursor expired", 410,
                "Changes this old are no longer kept; pull again without a cursor for a full copy.", null), Map.of());
    }
}
