package dev.tododesktop.server;

import dev.tododesktop.server.auth.AccessGuard;
import dev.tododesktop.server.auth.AccountStore;
import dev.tododesktop.server.auth.AuthJanitor;
import dev.tododesktop.server.auth.AuthMetrics;
import dev.tododesktop.server.auth.AuthRoutes;
import dev.tododesktop.server.auth.AuthService;
import dev.tododesktop.server.auth.TokenAccessGuard;
import dev.tododesktop.server.auth.UserScope;
import dev.tododesktop.server.auth.keys.KeyFile;
import dev.tododesktop.server.auth.keys.SealedKeys;
import dev.tododesktop.server.auth.passwords.CommonPasswords;
import dev.tododesktop.server.auth.passwords.PasswordHasher;
import dev.tododesktop.server.auth.ratelimit.AuthRateLimiter;
import dev.tododesktop.server.auth.sessions.LiveSessions;
import dev.tododesktop.server.auth.sessions.PostgresRevocationBroadcast;
import dev.tododesktop.server.auth.sessions.RevocationBroadcast;
import dev.tododesktop.server.auth.sessions.SessionStore;
import dev.tododesktop.server.auth.tokens.AccessTokens;
import dev.tododesktop.server.auth.tokens.SigningKeyStore;
import dev.tododesktop.server.config.ServerConfig;
import dev.tododesktop.server.db.Database;
import dev.tododesktop.server.db.DatabaseUrl;
import dev.tododesktop.server.events.ChangeHub;
import dev.tododesktop.server.events.ChangeNotifier;
import dev.tododesktop.server.events.Cursor;
import dev.tododesktop.server.events.EventRoutes;
import dev.tododesktop.server.events.EventStreams;
import dev.tododesktop.server.events.LocalChangeNotifier;
import dev.tododesktop.server.events.PostgresChangeNotifier;
import dev.tododesktop.server.http.ClientAddress;
import dev.tododesktop.server.http.JsonBodies;
import dev.tododesktop.server.http.RouteGroup;
import dev.tododesktop.server.sync.AppliedMutations;
import dev.tododesktop.server.sync.MutationApplier;
import dev.tododesktop.server.sync.SyncRoutes;
import dev.tododesktop.server.sync.SyncService;
import dev.tododesktop.server.tasks.BusyDatabaseProblems;
import dev.tododesktop.server.tasks.TaskRepository;
import dev.tododesktop.server.tasks.TaskRoutes;
import dev.tododesktop.server.tasks.TaskService;
import dev.tododesktop.server.tasks.TombstonePruner;
import dev.tododesktop.server.tasks.UserWrites;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Wires the features together by constructor injection: one place that says what depends on
 * what. Each feature adds its route group and, if it runs background work, a closer.
 */
public final class ServerComponents implements AutoCloseable {

    private final List<RouteGroup> routeGroups;
    private final List<AutoCloseable> closeables;
    private final TokenAccessGuard accessGuard;

    private ServerComponents(List<RouteGroup> routeGroups, List<AutoCloseable> closeables, TokenAccessGuard accessGuard) {
        this.routeGroups = List.copyOf(routeGroups);
        this.closeables = List.copyOf(closeables);
        this.accessGuard = accessGuard;
    }

    static ServerComponents create(ServerConfig config, Database database, MeterRegistry metrics, Clock clock) {
        var routes = new ArrayList<RouteGroup>();
        var closeables = new ArrayList<AutoCloseable>();
        var bodies = new JsonBodies();
        var clientAddress = new ClientAddress(config.trustedProxies());

        // Accounts and tokens.
        var jdbi = database.jdbi();
        var authMetrics = new AuthMetrics(metrics);
        var hasher = new PasswordHasher(config.passwordHashing());
        closeables.add(hasher);
        var keks = config.keyEncryptionKeys().orElseGet(() -> KeyFile.readOrCreate(config.defaultKeyFile()));
        var keys = new SigningKeyStore(database, new SealedKeys(keks), clock, config.signingKeyRotation(),
                config.accessTokenTtl().plus(AccessTokens.LEEWAY).plusMinutes(1));
        var accessTokens = new AccessTokens(keys, clock, config.issuer(), config.audience(), config.accessTokenTtl());
        var sessionStore = new SessionStore(jdbi, config.sessionIdleTtl());
        RevocationBroadcast revocations = config.databaseUrl() instanceof DatabaseUrl.Postgres pg
                ? new PostgresRevocationBroadcast(jdbi, pg)
                : RevocationBroadcast.NONE;
        closeables.add(revocations);
        var liveSessions = new LiveSessions(sessionStore, clock, config.sessionCheckTtl(), revocations);
        revocations.listen(liveSessions::endedElsewhere);
        var accessGuard = new TokenAccessGuard(accessTokens, liveSessions, authMetrics);
        var authService = new AuthService(new AccountStore(jdbi), sessionStore, liveSessions, accessTokens, hasher,
                CommonPasswords.bundled(), new AuthRateLimiter(jdbi, clock, config.rateLimits()), authMetrics, clock,
                config.sessionCheckTtl());
        routes.add(new AuthRoutes(authService, accessGuard, keys, bodies, clientAddress));
        closeables.add(new AuthJanitor(jdbi, clock, config.rateLimits()).start());

        // Features that need a signed-in user take accessGuard.
        addTasks(routes, closeables, config.databaseUrl(), database, clock, accessGuard, liveSessions);
        return new ServerComponents(routes, closeables, accessGuard);
    }

    /**
     * The task API, sync and live events. On PostgreSQL changes travel between instances by
     * LISTEN/NOTIFY; on SQLite in-process. Event streams re-check their bearer token (unexpired,
     * session live) periodically, refreshing many sessions' liveness in one query first.
     */
    private static void addTasks(List<RouteGroup> routes, List<AutoCloseable> closeables, DatabaseUrl url,
                                 Database database, Clock clock, TokenAccessGuard accessGuard, LiveSessions liveSessions) {
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
        var answers = new AppliedMutations();
        var sync = new SyncService(database, repository, writes, new MutationApplier(repository, answers), answers);
        var scope = new UserScope(accessGuard);
        var bodies = new JsonBodies();
        var streams = new EventStreams(hub, newest, accessGuard::stillValid, liveSessions::refresh,
                EventStreams.Settings.defaults());
        closeables.add(streams);
        closeables.add(new TombstonePruner(database, clock).startDaily());
        routes.addAll(List.of(new TaskRoutes(scope, tasks, bodies), new SyncRoutes(scope, sync, bodies),
                new EventRoutes(scope, streams), new BusyDatabaseProblems()));
    }

    /** Checks bearer tokens for every protected route. */
    public AccessGuard accessGuard() {
        return accessGuard;
    }

    /** The same guard with its token check usable outside a request (benchmarks, tests). */
    public TokenAccessGuard tokenAccessGuard() {
        return accessGuard;
    }

    List<RouteGroup> routeGroups() {
        return routeGroups;
    }

    @Override
    public void close() {
        for (var c : closeables.reversed()) {
            try {
                c.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(ServerComponents.class).warn("Error while stopping {}", c, e);
            }
        }
    }
}
