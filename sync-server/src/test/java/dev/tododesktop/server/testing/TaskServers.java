package dev.tododesktop.server.testing;

import dev.tododesktop.server.TodoServer;
import dev.tododesktop.server.config.PasswordHashing;
import dev.tododesktop.server.config.RateLimitSettings;
import dev.tododesktop.server.config.ServerConfig;
import dev.tododesktop.server.db.DatabaseUrl;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Servers for the task and sync tests: cheap password hashing and a registration limit high
 * enough for tests that sign up many users from one address.
 */
public final class TaskServers {

    private TaskServers() {}

    public static ServerConfig configure(ServerConfig c) {
        var limits = RateLimitSettings.defaults();
        return c.withPasswordHashing(PasswordHashing.forTestsOnly())
                .withRateLimits(new RateLimitSettings(limits.accountFailureThreshold(), limits.accountInitialLockout(),
                        limits.accountMaxLockout(), limits.accountFailureMemory(), limits.addressMaxFailures(),
                        limits.addressWindow(), 1_000_000, Duration.ofHours(1)));
    }

    public static TodoServer start(Backend backend, Path dir) {
        return TestServer.start(backend, dir, TaskServers::configure, Clock.systemUTC());
    }

    public static TodoServer startOn(DatabaseUrl database, Path dir) {
        return TestServer.startOn(database, dir, TaskServers::configure, Clock.systemUTC());
    }
}
