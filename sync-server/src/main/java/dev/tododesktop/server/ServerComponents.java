package dev.tododesktop.server;

import dev.tododesktop.contract.ApiJson;
import dev.tododesktop.server.auth.AccessGuard;
import dev.tododesktop.server.auth.AccountStore;
import dev.tododesktop.server.auth.AuthJanitor;
import dev.tododesktop.server.auth.AuthMetrics;
import dev.tododesktop.server.auth.AuthRoutes;
import dev.tododesktop.server.auth.AuthService;
import dev.tododesktop.server.auth.TokenAccessGuard;
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
import dev.tododesktop.server.events.EventStreams;
import dev.tododesktop.server.http.ApiException;
import dev.tododesktop.server.http.ClientAddress;
import dev.tododesktop.server.http.JsonBodies;
import dev.tododesktop.server.http.RouteGroup;
import dev.tododesktop.server.tasks.TasksFeature;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

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
        var bodies = new JsonBodies(ApiJson.mapper());
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
        var tasks = TasksFeature.create(config.databaseUrl(), database, clock, accessGuard,
                authorization -> stillValid(accessGuard, authorization), liveSessions::refresh, EventStreams.Settings.defaults());
        closeables.add(tasks);
        routes.addAll(tasks.routes());
        return new ServerComponents(routes, closeables, accessGuard);
    }

    /** Whether a long-lived request's bearer token is still good: unexpired, session not revoked. */
    private static boolean stillValid(TokenAccessGuard guard, String authorization) {
        if (authorization == null || authorization.length() < 7 || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        try {
            guard.check(authorization.substring(7).strip());
            return true;
        } catch (ApiException e) {
            return false;
        }
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
