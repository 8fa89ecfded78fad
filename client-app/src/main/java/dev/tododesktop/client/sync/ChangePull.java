package dev.tododesktop.client.sync;

import dev.tododesktop.client.api.ApiResult;
import dev.tododesktop.client.api.SyncApi;
import dev.tododesktop.contract.sync.SyncPullResponse;
import dev.tododesktop.store.session.UserStore;
import dev.tododesktop.store.sync.ServerTask;
import dev.tododesktop.store.tasks.TaskQuery;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pull half of a round: reads the server's log to its end, each page and its cursor stored
 * in one transaction; starts over from scratch when the server no longer serves our cursor.
 */
final class ChangePull {

    private static final Logger log = LoggerFactory.getLogger(ChangePull.class);

    private final UserStore store;
    private final SyncApi api;
    private final Clock clock;
    private final int pageSize;
    private final BooleanSupplier stopped;

    ChangePull(UserStore store, SyncApi api, Clock clock, int pageSize, BooleanSupplier stopped) {
        this.store = store;
        this.api = api;
        this.clock = clock;
        this.pageSize = pageSize;
        this.stopped = stopped;
    }

    RoundStep run(RoundCounts counts) {
        Optional<String> cursor = store.sync().cursor();
        Set<UUID> seenInFullPull = new HashSet<>();
        while (true) {
            ApiResult<SyncPullResponse> answer = api.pull(cursor, pageSize);
            if (answer instanceof ApiResult.Ok<SyncPullResponse>(SyncPullResponse page)) {
                store.sync().applyPull(Wire.toServerTasks(page.changes()), page.cursor());
                if (counts.fullResync) {
                    page.changes().forEach(c -> seenInFullPull.add(c.id()));
                }
                counts.pulled += page.changes().size();
                counts.pages++;
                cursor = Optional.ofNullable(page.cursor());
                if (!page.hasMore()) {
                    break;
                }
                if (stopped.getAsBoolean()) {
                    return new RoundStep.Stopped(SyncReport.Outcome.CLOSED, "stopped");
                }
            } else if (answer instanceof ApiResult.Rejected<SyncPullResponse> rejected && cursor.isPresent()
                    && !counts.fullResync && (rejected.status() == 410 || rejected.status() == 400)) {
                // 410: the server pruned tombstones past our cursor; 400: a cursor this server never
                // issued (its database was replaced). Either way only a pull from scratch is exact.
                log.info("sync cursor refused ({}), pulling everything again", rejected.status());
                store.sync().resetForFullResync();
                counts.fullResync = true;
                cursor = Optional.empty();
            } else {
                return new RoundStep.Refused(answer);
            }
        }
        if (counts.fullResync) {
            dropTasksTheServerNoLongerHas(seenInFullPull, cursor);
        }
        return RoundStep.DONE;
    }

    /**
     * After a full pull, a task we hold a server version of that the pull did not mention was
     * deleted while its tombstone was pruned (the reason for the 410): remove it as a tombstone
     * would. Tasks never pushed have no server version and are kept; a pending edit on a removed
     * task is pushed next round and comes back as an error the user sees.
     */
    private void dropTasksTheServerNoLongerHas(Set<UUID> seen, Optional<String> cursor) {
        List<ServerTask> gone = store.tasks().list(TaskQuery.of(clock.instant(), ZoneOffset.UTC)).stream()
                .filter(t -> t.serverVersion().isPresent() && !seen.contains(t.id()))
                .<ServerTask>map(t -> new ServerTask.Tombstone(t.id(), t.serverVersion().getAsLong()))
                .toList();
        if (!gone.isEmpty()) {
            log.info("full resync: {} tasks no longer on the server", gone.size());
            store.sync().applyPull(gone, cursor.orElse(null));
        }
    }
}
