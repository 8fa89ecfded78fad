package dev.tododesktop.server.config;

import dev.tododesktop.server.auth.keys.KeyEncryptionKeys;
import dev.tododesktop.server.auth.keys.KeyFile;
import dev.tododesktop.server.db.DatabaseUrl;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the server needs to start. Built from the environment by {@link EnvironmentConfig}
 * for the standalone server, or directly by the desktop app when it embeds the server.
 *
 * @param bindAddress     where to listen; loopback for the embedded server
 * @param port            0 picks a free port
 * @param database        empty means the default SQLite file in {@code dataDir}
 * @param trustedProxies  peers whose {@code X-Forwarded-For} is believed
 * @param passwordHashing Argon2id cost for new hashes
 * @param sessionCheckTtl how long an instance trusts its cached answer to "is this session still
 *                        live?"; a revocation made by another instance sharing the database is
 *                        seen within this time (the instance that revokes sees it at once)
 * @param keyEncryptionKeys seal the private signing keys in the database; empty means a key
 *                        file the server makes in {@code dataDir} ({@link KeyFile#DEFAULT_NAME})
 * @param managementAddress where {@code /metrics} (with {@code /health} and {@code /ready}) is
 *                        served, apart from the API; empty serves no metrics over HTTP
 */
public record ServerConfig(
        InetAddress bindAddress,
        int port,
        Path dataDir,
        Optional<DatabaseUrl> database,
        String issuer,
        String audience,
        Duration accessTokenTtl,
        Duration sessionIdleTtl,
        Duration signingKeyRotation,
        List<String> corsOrigins,
        List<InetAddress> trustedProxies,
        RateLimitSettings rateLimits,
        int maxDatabaseConnections,
        PasswordHashing passwordHashing,
        Duration sessionCheckTtl,
        Optional<KeyEncryptionKeys> keyEncryptionKeys,
        Optional<InetSocketAddress> managementAddress) {

    public static final String DEFAULT_ISSUER = "todo-desktop";
    public static final String DEFAULT_AUDIENCE = "todo-desktop-api";
    public static final Duration DEFAULT_SESSION_CHECK_TTL = Duration.ofSeconds(5);

    public ServerConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(passwordHashing, "passwordHashing");
        Objects.requireNonNull(sessionCheckTtl, "sessionCheckTtl");
        Objects.requireNonNull(keyEncryptionKeys, "keyEncryptionKeys");
        Objects.requireNonNull(managementAddress, "managementAddress");
        corsOrigins = List.copyOf(corsOrigins);
        trustedProxies = List.copyOf(trustedProxies);
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** The embedded server of the desktop app: loopback, a free port, SQLite in {@code dataDir}. */
    public static ServerConfig embedded(Path dataDir) {
        return defaults(dataDir).withPort(0);
    }

    public static ServerConfig defaults(Path dataDir) {
        return new ServerConfig(
                InetAddress.getLoopbackAddress(), 8080, dataDir, Optional.empty(),
                DEFAULT_ISSUER, DEFAULT_AUDIENCE,
                Duration.ofMinutes(15), Duration.ofDays(30), Duration.ofDays(90),
                List.of(), List.of(), RateLimitSettings.defaults(), 10,
                PasswordHashing.owaspMinimum(), DEFAULT_SESSION_CHECK_TTL, Optional.empty(), Optional.empty());
    }

    public DatabaseUrl databaseUrl() {
        return database.orElseGet(() -> DatabaseUrl.sqliteFile(dataDir.resolve("todo-server.db")));
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(bindAddress, newPort, dataDir, database, issuer, audience, accessTokenTtl,
                sessionIdleTtl, signingKeyRotation, corsOrigins, trustedProxies, rateLimits, maxDatabaseConnections,
                passwordHashing, sessionCheckTtl, keyEncryptionKeys, managementAddress);
    }

    public ServerConfig withDatabase(DatabaseUrl url) {
        return new ServerConfig(bindAddress, port, dataDir, Optional.of(url), issuer, audience, accessTokenTtl,
                sessionIdleTtl, signingKeyRotation, corsOrigins, trustedProxies, rateLimits, maxDatabaseConnections,
                passwordHashing, sessionCheckTtl, keyEncryptionKeys, managementAddress);
    }

    public ServerConfig withRateLimits(RateLimitSettings limits) {
        return new ServerConfig(bindAddress, port, dataDir, database, issuer, audience, accessTokenTtl,
                sessionIdleTtl, signingKeyRotation, corsOrigins, trustedProxies, limits, maxDatabaseConnections,
                passwordHashing, sessionCheckTtl, keyEncryptionKeys, managementAddress);
    }

    public ServerConfig withAccessTokenTtl(Duration ttl) {
        return new ServerConfig(bindAddress, port, dataDir, database, issuer, audience, ttl,
                sessionIdleTtl, signingKeyRotation, corsOrigins, trustedProxies, rateLimits, maxDatabaseConnections,
                passwordHashing, sessionCheckTtl, keyEncryptionKeys, managementAddress);
    }

    public ServerConfig withTrustedProxies(List<InetAddress> proxies) {
        return new ServerConfig(bindAddress, port, dataDir, database, issuer, audience, accessTokenTtl,
                sessionIdleTtl, signingKeyRotation, corsOrigins, proxies, rateLimits, maxDatabaseConnections,
                passwordHashing, sessionCheckTtl, keyEncryptionKeys, managementAddress);
    }

    public ServerConfig withPasswordHashing(PasswordHashing hashing) {
        return new ServerConfig(bindAddress, port, dataDir, database, issuer, audience, accessTokenTtl,
                sessionIdleTtl, signingKeyRotation, corsOrigins, trustedProxies, rateLimits, maxDatabaseConnections,
                hashing, sessionCheckTtl, keyEncryptionKeys, managementAddress);
    }

    public ServerConfig withSessionCheckTtl(Duration ttl) {
        return new ServerConfig(bindAddress, port, dataDir, database, issuer, audience, accessTokenTtl,
                sessionIdleTtl, signingKeyRotation, corsOrigins, trustedProxies, rateLimits, maxDatabaseConnections,
                passwordHashing, ttl, keyEncryptionKeys, managementAddress);
    }

    public ServerConfig withCorsOrigins(List<String> origins) {
        return new ServerConfig(bindAddress, port, dataDir, database, issuer, audience, accessTokenTtl,
                sessionIdleTtl, signingKeyRotation, origins, trustedProxies, rateLimits, maxDatabaseConnections,
                passwordHashing, sessionCheckTtl, keyEncryptionKeys, managementAddress);
    }

    public ServerConfig withSigningKeyRotation(Duration rotation) {
        return new ServerConfig(bindAddress, port, dataDir, database, issuer, audience, accessTokenTtl,
                sessionIdleTtl, rotation, corsOrigins, trustedProxies, rateLimits, maxDatabaseConnections,
                passwordHashing, sessionCheckTtl, keyEncryptionKeys, managementAddress);
    }

    /** Seal the signing keys with these keys (the first seals, all unseal) instead of the data directory's key file. */
    public ServerConfig withKeyEncryptionKeys(KeyEncryptionKeys keys) {
        return new ServerConfig(bindAddress, port, dataDir, database, issuer, audience, accessTokenTtl,
                sessionIdleTtl, signingKeyRotation, corsOrigins, trustedProxies, rateLimits, maxDatabaseConnections,
                passwordHashing, sessionCheckTtl, Optional.of(keys), managementAddress);
    }

    /** Serve {@code /metrics} on this address (port 0 picks a free one), or on none. */
    public ServerConfig withManagementAddress(Optional<InetSocketAddress> address) {
        return new ServerConfig(bindAddress, port, dataDir, database, issuer, audience, accessTokenTtl,
                sessionIdleTtl, signingKeyRotation, corsOrigins, trustedProxies, rateLimits, maxDatabaseConnections,
                passwordHashing, sessionCheckTtl, keyEncryptionKeys, address);
    }

    /** The key file the server makes and uses when it was given no key-encryption keys. */
    public Path defaultKeyFile() {
        return dataDir.resolve(KeyFile.DEFAULT_NAME);
    }
}
