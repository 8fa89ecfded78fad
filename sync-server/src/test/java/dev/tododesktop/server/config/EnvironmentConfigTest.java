package dev.tododesktop.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tododesktop.server.db.DatabaseUrl;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
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
        var config = EnvironmentConfig.from(Map.of(
                "TODO_SERVER_PORT", "0",
                "TODO_DATABASE_URL", "postgresql://alice:s3cr%40t@db.example.com/todo?sslmode=require",
                "TODO_DATA_DIR", "/var/lib/todo",
                "TODO_ACCESS_TOKEN_TTL", "5m",
                "TODO_SESSION_TTL", "PT720H",
                "TODO_CORS_ORIGINS", "https://a.example.com, http://localhost:3000",
                "TODO_TRUSTED_PROXIES", "10.0.0.1,::1",
                "TODO_RATE_ACCOUNT_THRESHOLD", "5"));
        assertThat(config.port()).isZero();
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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
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
