package dev.tododesktop.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.server.TodoServer;
import dev.tododesktop.server.config.PasswordHashing;
import dev.tododesktop.server.config.RateLimitSettings;
import dev.tododesktop.server.testing.Accounts;
import dev.tododesktop.server.testing.Backend;
import dev.tododesktop.server.testing.Http;
import dev.tododesktop.testing.MutableClock;
import dev.tododesktop.server.testing.TestServer;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * docs/api.md's rate limits with small numbers and a clock the test moves: per account (3 failures,
 * then 30 s doubling up to 120 s), per address (5 failed logins in 10 minutes), registration
 * (4 per address per hour). The server trusts loopback as a proxy, so X-Forwarded-For picks the
 * client address.
 */
@ParameterizedClass
@EnumSource(Backend.class)
class RateLimitTest {

    private static final RateLimitSettings SMALL = new RateLimitSettings(
            3, Duration.ofSeconds(30), Duration.ofSeconds(120), Duration.ofHours(24),
            5, Duration.ofMinutes(10),
            4, Duration.ofHours(1));

    @Parameter
    Backend backend;

    @TempDir
    Path dir;

    MutableClock clock;
    TodoServer server;
    Http http;
    Http management;

    @BeforeEach
    void start() {
        clock = MutableClock.startingNow();
        server = TestServer.start(backend, dir, c -> c
                .withPasswordHashing(PasswordHashing.forTestsOnly())
                .withRateLimits(SMALL)
                .withTrustedProxies(List.of(InetAddress.getLoopbackAddress()))
                .withManagementAddress(Optional.of(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0))), clock);
        http = new Http(server.baseUri());
        management = new Http(server.managementUri().orElseThrow());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Http.Response login(String email, String password, String address) {
        return http.send("POST", "/api/auth/login", Map.of("email", email, "password", password), null,
                Map.of("X-Forwarded-For", address));
    }

    private Http.Response register(String email, String address) {
        return http.send("POST", "/api/auth/register", Map.of("email", email, "password", Accounts.PASSWORD), null,
                Map.of("X-Forwarded-For", address));
    }

    @Test
    void anAccountLocksAfterTheThresholdEvenForTheRightPasswordAndTheWaitDoubles() {
        var user = Accounts.register(http);
        var other = Accounts.register(http);
        for (int i = 0; i < 3; i++) {
            assertThat(login(user.email(), "wrong password " + i, "203.0.113." + i).status()).isEqualTo(401);
        }
        var locked = login(user.email(), Accounts.PASSWORD, "203.0.113.50");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.header("Retry-After")).contains("30");
        assertThat(locked.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        // Another account, even from the same address, is not affected.
        assertThat(login(other.email(), Accounts.PASSWORD, "203.0.113.50").status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(31));
        assertThat(login(user.email(), "wrong again", "203.0.113.51").status()).isEqualTo(401);
        assertThat(login(user.email(), Accounts.PASSWORD, "203.0.113.52").header("Retry-After")).contains("60");
        clock.advance(Duration.ofSeconds(61));
        assertThat(login(user.email(), "wrong again", "203.0.113.53").status()).isEqualTo(401);
        assertThat(login(user.email(), Accounts.PASSWORD, "203.0.113.54").header("Retry-After")).contains("120");
        clock.advance(Duration.ofSeconds(121));
        assertThat(login(user.email(), "wrong again", "203.0.113.55").status()).isEqualTo(401);
        // Capped at the maximum.
        assertThat(login(user.email(), Accounts.PASSWORD, "203.0.113.56").header("Retry-After")).contains("120");

        clock.advance(Duration.ofSeconds(121));
        assertThat(login(user.email(), Accounts.PASSWORD, "203.0.113.57").status()).isEqualTo(200);
        // The success reset the count: one failure does not lock.
        assertThat(login(user.email(), "wrong", "203.0.113.58").status()).isEqualTo(401);
        assertThat(login(user.email(), Accounts.PASSWORD, "203.0.113.59").status()).isEqualTo(200);

        var metrics = management.get("/metrics").body();
        assertThat(metrics).contains("todo_auth_rate_limited_total{limit=\"account\"}");
        assertThat(metrics).containsPattern("todo_auth_logins_total\\{result=\"failure\"} [1-9]");
        assertThat(metrics).containsPattern("todo_auth_logins_total\\{result=\"success\"} [1-9]");
    }

    @Test
    void aDayWithoutFailuresForgetsTheCount() {
        var user = Accounts.register(http);
        login(user.email(), "wrong 1", "198.51.100.1");
        login(user.email(), "wrong 2", "198.51.100.2");
        clock.advance(Duration.ofHours(24));
        login(user.email(), "wrong 3", "198.51.100.3");
        login(user.email(), "wrong 4", "198.51.100.4");
        assertThat(login(user.email(), Accounts.PASSWORD, "198.51.100.5").status()).isEqualTo(200);
    }

    @Test
    void unknownEmailsLockLikeKnownOnesSoLockoutRevealsNothing() {
        String nobody = Accounts.uniqueEmail();
        for (int i = 0; i < 3; i++) {
            assertThat(login(nobody, "guess " + i, "192.0.2." + i).status()).isEqualTo(401);
        }
        assertThat(login(nobody, "guess", "192.0.2.9").status()).isEqualTo(429);
    }

    @Test
    void wrongPasswordsInPasswordChangeAndDeletionCountForTheAccount() {
        var user = Accounts.register(http);
        var change = Map.of("current_password", "not it", "new_password", "another fine passphrase");
        assertThat(http.post("/api/auth/password", change, user.accessToken()).status()).isEqualTo(422);
        assertThat(http.post("/api/auth/password", change, user.accessToken()).status()).isEqualTo(422);
        assertThat(http.send("DELETE", "/api/auth/me", Map.of("password", "not it"), user.accessToken(), Map.of()).status())
                .isEqualTo(422);
        assertThat(login(user.email(), Accounts.PASSWORD, "192.0.2.77").status()).isEqualTo(429);
        var blockedChange = http.post("/api/auth/password",
                Map.of("current_password", Accounts.PASSWORD, "new_password", "another fine passphrase"), user.accessToken());
        assertThat(blockedChange.status()).isEqualTo(429);
        assertThat(blockedChange.header("Retry-After")).isPresent();
    }

    @Test
    void anAddressIsLimitedAcrossAccountsWithoutBlockingOtherAddresses() {
        var victim = Accounts.register(http);
        for (int i = 0; i < 5; i++) {
            assertThat(login(Accounts.uniqueEmail(), "spray", "198.51.100.7").status()).isEqualTo(401);
        }
        var blocked = login(victim.email(), Accounts.PASSWORD, "198.51.100.7");
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(Long.parseLong(blocked.header("Retry-After").orElseThrow())).isBetween(590L, 600L);
        assertThat(login(victim.email(), Accounts.PASSWORD, "198.51.100.8").status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(login(victim.email(), Accounts.PASSWORD, "198.51.100.7").status()).isEqualTo(200);
        assertThat(management.get("/metrics").body()).containsPattern("todo_auth_rate_limited_total\\{limit=\"address\"} [1-9]");
    }

    @Test
    void registrationIsLimitedPerAddressSuccessfulOrNot() {
        assertThat(register(Accounts.uniqueEmail(), "203.0.113.9").status()).isEqualTo(201);
        assertThat(register("bad", "203.0.113.9").status()).isEqualTo(422);
        assertThat(register(Accounts.uniqueEmail(), "203.0.113.9").status()).isEqualTo(201);
        assertThat(register(Accounts.uniqueEmail(), "203.0.113.9").status()).isEqualTo(201);
        var blocked = register(Accounts.uniqueEmail(), "203.0.113.9");
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(Long.parseLong(blocked.header("Retry-After").orElseThrow())).isBetween(3500L, 3600L);
        assertThat(register(Accounts.uniqueEmail(), "203.0.113.10").status()).isEqualTo(201);
        clock.advance(Duration.ofHours(1));
        assertThat(register(Accounts.uniqueEmail(), "203.0.113.9").status()).isEqualTo(201);
    }

    @Test
    void forwardedForCountsOnlyFromATrustedProxy() {
        try (var untrusting = TestServer.start(backend, dir, c -> c
                .withPasswordHashing(PasswordHashing.forTestsOnly())
                .withRateLimits(SMALL), clock)) {
            var direct = new Http(untrusting.baseUri());
            for (int i = 0; i < 5; i++) {
                var response = direct.send("POST", "/api/auth/login", Map.of("email", Accounts.uniqueEmail(), "password", "spray"),
                        null, Map.of("X-Forwarded-For", "10.9.8." + i));
                assertThat(response.status()).isEqualTo(401);
            }
            // Spoofing a new address per attempt did not help: all five counted against the TCP peer.
            var sixth = direct.send("POST", "/api/auth/login", Map.of("email", Accounts.uniqueEmail(), "password", "spray"),
                    null, Map.of("X-Forwarded-For", "10.9.8.200"));
            assertThat(sixth.status()).isEqualTo(429);
        }
    }
}
