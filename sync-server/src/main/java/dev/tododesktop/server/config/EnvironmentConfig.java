package dev.tododesktop.server.config;

import dev.tododesktop.server.auth.keys.KeyEncryptionKeys;
import dev.tododesktop.server.auth.keys.KeyFile;
import dev.tododesktop.server.db.DatabaseUrl;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@link ServerConfig} from environment variables, the standalone server's only source of
 * configuration. Every unusable value stops start-up with a {@link ConfigException} naming its
 * variable; nothing falls back silently to a default when a value was given.
 */
public final class EnvironmentConfig {

    public static final String PORT = "TODO_SERVER_PORT";
    public static final String BIND_ADDRESS = "TODO_BIND_ADDRESS";
    public static final String DATABASE_URL = "TODO_DATABASE_URL";
    public static final String DATA_DIR = "TODO_DATA_DIR";
    public static final String ISSUER = "TODO_ISSUER";
    public static final String AUDIENCE = "TODO_AUDIENCE";
    public static final String ACCESS_TOKEN_TTL = "TODO_ACCESS_TOKEN_TTL";
    public static final String SESSION_TTL = "TODO_SESSION_TTL";
    public static final String SIGNING_KEY_ROTATION = "TODO_SIGNING_KEY_ROTATION";
    public static final String CORS_ORIGINS = "TODO_CORS_ORIGINS";
    public static final String TRUSTED_PROXIES = "TODO_TRUSTED_PROXIES";
    public static final String DB_POOL_SIZE = "TODO_DB_POOL_SIZE";
    public static final String RATE_ACCOUNT_THRESHOLD = "TODO_RATE_ACCOUNT_THRESHOLD";
    public static final String RATE_ACCOUNT_LOCKOUT = "TODO_RATE_ACCOUNT_LOCKOUT";
    public static final String RATE_ACCOUNT_MAX_LOCKOUT = "TODO_RATE_ACCOUNT_MAX_LOCKOUT";
    public static final String RATE_ADDRESS_MAX_FAILURES = "TODO_RATE_ADDRESS_MAX_FAILURES";
    public static final String RATE_ADDRESS_WINDOW = "TODO_RATE_ADDRESS_WINDOW";
    public static final String RATE_REGISTRATIONS = "TODO_RATE_REGISTRATIONS_PER_HOUR";
    public static final String ARGON2_MEMORY_KIB = "TODO_ARGON2_MEMORY_KIB";
    public static final String ARGON2_ITERATIONS = "TODO_ARGON2_ITERATIONS";
    public static final String SESSION_CHECK_TTL = "TODO_SESSION_CHECK_TTL";
    public static final String SIGNING_KEK_FILE = "TODO_SIGNING_KEK_FILE";
    public static final String SIGNING_KEK = "TODO_SIGNING_KEK";
    public static final String MANAGEMENT_ADDRESS = "TODO_MANAGEMENT_ADDRESS";
    public static final String MANAGEMENT_PORT = "TODO_MANAGEMENT_PORT";

    /** Where {@code /metrics} is served unless told otherwise: loopback only, Prometheus exporters' usual port. */
    public static final int DEFAULT_MANAGEMENT_PORT = 9464;

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");

    private final Map<String, String> env;

    private EnvironmentConfig(Map<String, String> env) {
        this.env = env;
    }

    public static ServerConfig from(Map<String, String> env) {
        return new EnvironmentConfig(env).read();
    }

    private ServerConfig read() {
        var defaults = ServerConfig.defaults(Path.of("data"));
        var limits = defaults.rateLimits();
        var rateLimits = new RateLimitSettings(
                positiveInt(RATE_ACCOUNT_THRESHOLD, limits.accountFailureThreshold()),
                duration(RATE_ACCOUNT_LOCKOUT, limits.accountInitialLockout()),
                duration(RATE_ACCOUNT_MAX_LOCKOUT, limits.accountMaxLockout()),
                limits.accountFailureMemory(),
                positiveInt(RATE_ADDRESS_MAX_FAILURES, limits.addressMaxFailures()),
                duration(RATE_ADDRESS_WINDOW, limits.addressWindow()),
                positiveInt(RATE_REGISTRATIONS, limits.registrationMaxAttempts()),
                limits.registrationWindow());
        var accessTtl = duration(ACCESS_TOKEN_TTL, defaults.accessTokenTtl());
        var sessionTtl = duration(SESSION_TTL, defaults.sessionIdleTtl());
        if (sessionTtl.compareTo(accessTtl) <= 0) {
            throw new ConfigException(SESSION_TTL, "must be longer than " + ACCESS_TOKEN_TTL + " (" + accessTtl + ")");
        }
        Optional<DatabaseUrl> database = value(DATABASE_URL).map(this::databaseUrl);
        return new ServerConfig(
                value(BIND_ADDRESS).map(v -> address(BIND_ADDRESS, v)).orElse(anyAddress()),
                port(),
                value(DATA_DIR).map(this::dataDir).orElse(defaults.dataDir()),
                database,
                value(ISSUER).orElse(defaults.issuer()),
                value(AUDIENCE).orElse(defaults.audience()),
                accessTtl,
                sessionTtl,
                duration(SIGNING_KEY_ROTATION, defaults.signingKeyRotation()),
                list(CORS_ORIGINS, this::origin),
                list(TRUSTED_PROXIES, v -> address(TRUSTED_PROXIES, v)),
                rateLimits,
                positiveInt(DB_POOL_SIZE, defaults.maxDatabaseConnections()),
                passwordHashing(defaults.passwordHashing()),
                duration(SESSION_CHECK_TTL, defaults.sessionCheckTtl()),
                keyEncryptionKeys(database),
                managementAddress());
    }

    /**
     * The key-encryption keys, from a file or the variable itself (never both). Without either, a
     * SQLite server makes a key file in its data directory; instances on PostgreSQL must be given
     * one, because they share the signing keys and so must share the key that seals them.
     */
    private Optional<KeyEncryptionKeys> keyEncryptionKeys(Optional<DatabaseUrl> database) {
        var file = value(SIGNING_KEK_FILE);
        var inline = value(SIGNING_KEK);
        if (file.isPresent() && inline.isPresent()) {
            throw new ConfigException(SIGNING_KEK, "set either it or " + SIGNING_KEK_FILE + ", not both");
        }
        if (file.isPresent()) {
            Path path = path(SIGNING_KEK_FILE, file.get());
            try {
                return Optional.of(KeyFile.read(path));
            } catch (java.io.IOException e) {
                throw new ConfigException(SIGNING_KEK_FILE, "cannot read " + path + " (" + e.getClass().getSimpleName() + ")");
            } catch (IllegalArgumentException e) {
                throw new ConfigException(SIGNING_KEK_FILE, e.getMessage());
            }
        }
        if (inline.isPresent()) {
            try {
                return Optional.of(KeyEncryptionKeys.parse(inline.get()));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(SIGNING_KEK, e.getMessage());
            }
        }
        if (database.isPresent() && database.get() instanceof DatabaseUrl.Postgres) {
            throw new ConfigException(SIGNING_KEK_FILE, "is needed with PostgreSQL: every instance sharing the database "
                    + "needs the same key-encryption key for the signing keys; make one with "
                    + "'openssl rand -base64 32 > /etc/todo-server/signing.kek' (see docs/deploy.md)");
        }
        return Optional.empty();
    }

    /** {@code /metrics} on loopback port 9464 unless told otherwise; {@code off} serves it nowhere. */
    private Optional<InetSocketAddress> managementAddress() {
        var port = value(MANAGEMENT_PORT);
        if (port.isPresent() && port.get().equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        int number = port.map(v -> portNumber(MANAGEMENT_PORT, v)).orElse(DEFAULT_MANAGEMENT_PORT);
        InetAddress bind = value(MANAGEMENT_ADDRESS).map(v -> address(MANAGEMENT_ADDRESS, v))
                .orElse(InetAddress.getLoopbackAddress());
        return Optional.of(new InetSocketAddress(bind, number));
    }

    /** The environment may raise the Argon2 cost, never lower it below OWASP's minimum. */
    private PasswordHashing passwordHashing(PasswordHashing fallback) {
        int memory = positiveInt(ARGON2_MEMORY_KIB, fallback.memoryKib());
        if (memory < PasswordHashing.OWASP_MEMORY_KIB) {
            throw new ConfigException(ARGON2_MEMORY_KIB, "must be at least " + PasswordHashing.OWASP_MEMORY_KIB
                    + " (19 MiB, OWASP's minimum for Argon2id), was " + memory);
        }
        if (memory > 4 * 1024 * 1024) {
            throw new ConfigException(ARGON2_MEMORY_KIB, "must be at most 4194304 (4 GiB), was " + memory);
        }
        int iterations = positiveInt(ARGON2_ITERATIONS, fallback.iterations());
        if (iterations < PasswordHashing.OWASP_ITERATIONS) {
            throw new ConfigException(ARGON2_ITERATIONS, "must be at least " + PasswordHashing.OWASP_ITERATIONS
                    + " (OWASP's minimum for Argon2id), was " + iterations);
        }
        if (iterations > 100) {
            throw new ConfigException(ARGON2_ITERATIONS, "must be at most 100, was " + iterations);
        }
        return new PasswordHashing(memory, iterations, fallback.parallelism());
    }

    private Optional<String> value(String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private int port() {
        return value(PORT).map(v -> portNumber(PORT, v)).orElse(8080);
    }

    private static int portNumber(String name, String v) {
        try {
            int port = Integer.parseInt(v);
            if (port < 0 || port > 65_535) {
                throw new ConfigException(name, "must be between 0 and 65535 (0 picks a free port), was '" + v + "'");
            }
            return port;
        } catch (NumberFormatException e) {
            throw new ConfigException(name, "must be a number between 0 and 65535, was '" + v + "'");
        }
    }

    private int positiveInt(String name, int fallback) {
        return value(name).map(v -> {
            try {
                int n = Integer.parseInt(v);
                if (n < 1) {
                    throw new ConfigException(name, "must be a positive whole number, was '" + v + "'");
                }
                return n;
            } catch (NumberFormatException e) {
                throw new ConfigException(name, "must be a positive whole number, was '" + v + "'");
            }
        }).orElse(fallback);
    }

    /** Accepts {@code 900} (seconds), {@code 15m}, {@code 12h}, {@code 30d}, {@code 500ms} or ISO-8601 {@code PT15M}. */
    static Duration parseDuration(String name, String v) {
        Matcher m = SHORT_DURATION.matcher(v.toLowerCase(Locale.ROOT));
        Duration d;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            d = switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                d = Duration.parse(v.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new ConfigException(name, "must be a duration such as 900, 15m, 12h, 30d or PT15M, was '" + v + "'");
            }
        }
        if (d.isNegative() || d.isZero()) {
            throw new ConfigException(name, "must be longer than zero, was '" + v + "'");
        }
        return d;
    }

    private Duration duration(String name, Duration fallback) {
        return value(name).map(v -> parseDuration(name, v)).orElse(fallback);
    }

    private Path dataDir(String v) {
        return path(DATA_DIR, v);
    }

    private static Path path(String name, String v) {
        try {
            return Path.of(v);
        } catch (InvalidPathException e) {
            throw new ConfigException(name, "is not a usable path: " + e.getReason());
        }
    }

    private DatabaseUrl databaseUrl(String v) {
        try {
            return DatabaseUrl.parse(v);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(DATABASE_URL, e.getMessage());
        }
    }

    private String origin(String v) {
        if (v.equals("*")) {
            throw new ConfigException(CORS_ORIGINS, "must list origins explicitly; '*' is not allowed with credentials");
        }
        try {
            URI uri = URI.create(v);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || (uri.getPath() != null && !uri.getPath().isEmpty())) {
                throw new ConfigException(CORS_ORIGINS, "'" + v + "' is not an origin like https://app.example.com");
            }
            return v;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(CORS_ORIGINS, "'" + v + "' is not an origin like https://app.example.com");
        }
    }

    /** Only literal IP addresses: configuration must not trigger DNS look-ups. */
    private static InetAddress address(String name, String v) {
        if (!v.matches("[0-9a-fA-F:.]+")) {
            throw new ConfigException(name, "'" + v + "' is not an IP address");
        }
        try {
            return InetAddress.getByName(v);
        } catch (UnknownHostException e) {
            throw new ConfigException(name, "'" + v + "' is not an IP address");
        }
    }

    private static InetAddress anyAddress() {
        try {
            return InetAddress.getByAddress(new byte[4]);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> List<T> list(String name, Function<String, T> parse) {
        var out = new ArrayList<T>();
        value(name).ifPresent(v -> Arrays.stream(v.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .forEach(s -> out.add(parse.apply(s))));
        return out;
    }
}
