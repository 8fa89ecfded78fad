package dev.tododesktop.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tododesktop.server.auth.keys.KeyEncryptionKeys;
import dev.tododesktop.server.db.DatabaseUrl;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvironmentConfigTest {

    @Test
    void defaultsServeOnPort8080WithSqliteInTheDataDirectory() {
        var config = EnvironmentConfig.from(Map.of());
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.databaseUrl()).isInstanceOf(DatabaseUrl.Sqlite.class);
        assertThat(config.accessTokenTtl()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.sessionIdleTtl()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void readsEveryNamedVariable() {
        var config = EnvironmentConfig.from(Map.ofEntries(
                Map.entry("TODO_SERVER_PORT", "0"),
                Map.entry("TODO_DATABASE_URL", "postgresql://alice:s3cr%40t@db.example.com/todo?sslmode=require"),
                Map.entry("TODO_DATA_DIR", "/var/lib/todo"),
                Map.entry("TODO_ACCESS_TOKEN_TTL", "5m"),
                Map.entry("TODO_SESSION_TTL", "PT720H"),
                Map.entry("TODO_CORS_ORIGINS", "https://a.example.com, http://localhost:3000"),
                Map.entry("TODO_TRUSTED_PROXIES", "10.0.0.1,::1"),
                Map.entry("TODO_RATE_ACCOUNT_THRESHOLD", "5"),
                Map.entry("TODO_SIGNING_KEK", KEK),
                Map.entry("TODO_MANAGEMENT_ADDRESS", "10.0.0.5"),
                Map.entry("TODO_MANAGEMENT_PORT", "9100")));
        assertThat(config.port()).isZero();
        assertThat(config.keyEncryptionKeys()).hasValueSatisfying(k -> assertThat(k.ids()).hasSize(1));
        assertThat(config.managementAddress()).contains(new InetSocketAddress("10.0.0.5", 9100));
        assertThat(config.dataDir().toString()).isEqualTo("/var/lib/todo");
        assertThat(config.accessTokenTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.sessionIdleTtl()).isEqualTo(Duration.ofDays(30));
        assertThat(config.corsOrigins()).containsExactly("https://a.example.com", "http://localhost:3000");
        assertThat(config.trustedProxies()).hasSize(2);
        assertThat(config.rateLimits().accountFailureThreshold()).isEqualTo(5);
        var pg = (DatabaseUrl.Postgres) config.databaseUrl();
        assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com/todo?sslmode=require");
        assertThat(pg.user()).contains("alice");
        assertThat(pg.password()).contains("s3cr@t");
        assertThat(pg.toString()).doesNotContain("s3cr@t");
    }

    static final String KEK = KeyEncryptionKeys.generate();

    @Test
    void metricsDefaultToLoopbackPort9464AndCanBeSwitchedOff() {
        assertThat(EnvironmentConfig.from(Map.of()).managementAddress())
                .contains(new InetSocketAddress(InetAddress.getLoopbackAddress(), 9464));
        assertThat(EnvironmentConfig.from(Map.of("TODO_MANAGEMENT_PORT", "off")).managementAddress()).isEmpty();
    }

    @Test
    void signingKeysAreSealedWithAKeyFileTheVariableOrOnSqliteTheDataDirectorysOwn(@TempDir Path dir) throws Exception {
        assertThat(EnvironmentConfig.from(Map.of()).keyEncryptionKeys()).as("SQLite: the data directory's file").isEmpty();
        String previous = KeyEncryptionKeys.generate();
        Path file = Files.writeString(dir.resolve("signing.kek"), "# newest first\n" + KEK + "\n" + previous + "\n");
        var fromFile = EnvironmentConfig.from(Map.of("TODO_SIGNING_KEK_FILE", file.toString())).keyEncryptionKeys().orElseThrow();
        var inline = EnvironmentConfig.from(Map.of("TODO_SIGNING_KEK", KEK + "," + previous)).keyEncryptionKeys().orElseThrow();
        assertThat(fromFile.ids()).hasSize(2).isEqualTo(inline.ids());

        var postgres = "postgresql://u:p@db.example.com/todo";
        assertThatThrownBy(() -> EnvironmentConfig.from(Map.of("TODO_DATABASE_URL", postgres)))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("TODO_SIGNING_KEK_FILE:").hasMessageContaining("openssl rand");
        assertThatThrownBy(() -> EnvironmentConfig.from(Map.of("TODO_SIGNING_KEK_FILE", dir.resolve("missing").toString())))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("TODO_SIGNING_KEK_FILE:");
        assertThatThrownBy(() -> EnvironmentConfig.from(Map.of("TODO_SIGNING_KEK", KEK, "TODO_SIGNING_KEK_FILE", file.toString())))
                .isInstanceOf(ConfigException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "TODO_SIGNING_KEK|not base64!",
            "TODO_SIGNING_KEK|c2hvcnQ=",
            "TODO_MANAGEMENT_PORT|99999",
            "TODO_MANAGEMENT_ADDRESS|metrics.internal",
            "TODO_SERVER_PORT|http",
            "TODO_SERVER_PORT|70000",
            "TODO_SERVER_PORT|-1",
            "TODO_DATABASE_URL|mysql://x/y",
            "TODO_DATABASE_URL|jdbc:sqlite::memory:",
            "TODO_ACCESS_TOKEN_TTL|soon",
            "TODO_ACCESS_TOKEN_TTL|0",
            "TODO_SESSION_TTL|1m",
            "TODO_CORS_ORIGINS|*",
            "TODO_CORS_ORIGINS|ftp://x.example.com",
            "TODO_TRUSTED_PROXIES|proxy.internal",
            "TODO_DB_POOL_SIZE|0",
            "TODO_RATE_ADDRESS_MAX_FAILURES|many",
            "TODO_ARGON2_MEMORY_KIB|1024",
            "TODO_ARGON2_MEMORY_KIB|lots",
            "TODO_ARGON2_ITERATIONS|1",
            "TODO_SESSION_CHECK_TTL|0",
            "TODO_SESSION_CHECK_TTL|never",
    })
    void anUnusableValueStopsStartUpNamingItsVariable(String variable, String value) {
        assertThatThrownBy(() -> EnvironmentConfig.from(Map.of(variable, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(variable + ":")
                .satisfies(e -> assertThat(((ConfigException) e).variable()).isEqualTo(variable));
    }

    @Test
    void argon2CostDefaultsToOwaspAndMayOnlyBeRaised() {
        var defaults = EnvironmentConfig.from(Map.of());
        assertThat(defaults.passwordHashing()).isEqualTo(PasswordHashing.owaspMinimum());
        assertThat(defaults.passwordHashing().memoryKib()).isEqualTo(19_456);
        assertThat(defaults.passwordHashing().iterations()).isEqualTo(2);
        assertThat(defaults.passwordHashing().parallelism()).isEqualTo(1);
        assertThat(defaults.sessionCheckTtl()).isEqualTo(Duration.ofSeconds(5));

        var raised = EnvironmentConfig.from(Map.of(
                "TODO_ARGON2_MEMORY_KIB", "65536", "TODO_ARGON2_ITERATIONS", "3", "TODO_SESSION_CHECK_TTL", "2s"));
        assertThat(raised.passwordHashing()).isEqualTo(new PasswordHashing(65_536, 3, 1));
        assertThat(raised.sessionCheckTtl()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void neonStyleUrlsKeepTheirTlsAndChannelBindingSettings() {
        var url = (DatabaseUrl.Postgres) DatabaseUrl.parse(
                "postgresql://neondb_owner:pw@ep-cool-darkness-123456.eu-central-1.aws.neon.tech/neondb?sslmode=require&channel_binding=require");
        assertThat(url.jdbcUrl()).isEqualTo(
                "jdbc:postgresql://ep-cool-darkness-123456.eu-central-1.aws.neon.tech/neondb?sslmode=require&channelBinding=require");
        assertThat(url.user()).contains("neondb_owner");
    }
}
