package dev.tododesktop.server.tasks;

import dev.tododesktop.server.auth.AccessGuard;
import dev.tododesktop.server.db.Database;
import dev.tododesktop.server.db.DatabaseUrl;
import dev.tododesktop.server.events.ChangeHub;
import dev.tododesktop.server.events.ChangeNotifier;
import dev.tododesktop.server.events.EventRoutes;
import dev.tododesktop.server.events.EventStreams;
import dev.tododesktop.server.events.LocalChangeNotifier;
import dev.tododesktop.server.events.PostgresChangeNotifier;
import dev.tododesktop.server.http.JsonBodies;
import dev.tododesktop.server.http.RouteGroup;
import dev.tododesktop.server.sync.AppliedMutations;
import dev.tododesktop.server.sync.Cursor;
import dev.tododesktop.server.sync.MutationApplier;
import dev.tododesktop.server.sync.SyncRoutes;
import dev.tododesktop.server.sync.SyncService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Consumer;
import java.util.Collection;

/**
 * Wires the task API, sync and live events: what {@code ServerComponents} adds for this feature.
 * On PostgreSQL changes travel between instances by LISTEN/NOTIFY; on SQLite in-process.
 */
public final class TasksFeature implements AutoCloseable {

    private final List<RouteGroup> routes;
    private final List<AutoCloseable> closeables;
    private final TombstonePruner pruner;

    private TasksFeature(List<RouteGroup> routes, List<AutoCloseable> closeables, TombstonePruner pruner) {
        this.routes = routes;
        this.closeables = closeables;
        this.pruner = pruner;
    }

    /**
     * @param stillAuthorised whether an event stream's {@code Authorization} header is still
     *                        acceptable (token unexpired, session live); checked periodically
     * @param refreshSessions re-reads many sessions' liveness in one query before those checks
     */
    public static TasksFeature create(DatabaseUrl url, Database database, Clock clock, AccessGuard guard,
                                      Predicate<String> stillAuthorised, Consumer<Collection<UUID>> refreshSessions,
                                      EventStreams.Settings eventSettings) {
        var closeables = new ArrayList<AutoCloseable>();
        var hub = new ChangeHub();
        var repository = new TaskRepository(database.dialect());
        Function<UUID, Cursor> newest = user -> {
            var state = database.jdbi().withHandle(h -> UserWrites.read(h, user));
            return new Cursor(state.lastSeq(), state.prunedSeq());
        };
        ChangeNotifier notifier = switch (url) {
            case DatabaseUrl.Postgres pg -> {
                var n = new PostgresChangeNotifier(pg, hub, newest);
                closeables.add(n);
                yield n;
            }
            case DatabaseUrl.Sqlite s -> new LocalChangeNotifier(hub);
        };
        var writes = new UserWrites(database, clock, notifier);
        var tasks = new TaskService(database, repository, writes);
        var sync = new SyncService(database, repository, writes, new MutationApplier(repository, new AppliedMutations()));
        var scope = new UserScope(guard);
        var bodies = new JsonBodies();
        var streams = new EventStreams(hub, newest, stillAuthorised, refreshSessions, eventSettings);
        closeables.add(streams);
        var pruner = new TombstonePruner(database, clock);
        closeables.add(pruner.startDaily());
        List<RouteGroup> routes = List.of(new TaskRoutes(scope, tasks, bodies), new SyncRoutes(scope, sync, bodies),
                new EventRoutes(scope, streams), new BusyDatabaseProblems());
        return new TasksFeature(routes, closeables, pruner);
    }

    public List<RouteGroup> routes() {
        return routes;
    }

    public TombstonePruner pruner() {
        return pruner;
    }

    @Override
    public void close() {
        for (var c : closeables.reversed()) {
            try {
                c.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(TasksFeature.class).warn("Error while stopping {}", c, e);
            }
        }
    }
}
