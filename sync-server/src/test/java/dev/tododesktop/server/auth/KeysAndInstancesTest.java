package dev.tododesktop.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import dev.tododesktop.server.TodoServer;
import dev.tododesktop.server.config.PasswordHashing;
import dev.tododesktop.server.config.ServerConfig;
import dev.tododesktop.server.db.DatabaseUrl;
import dev.tododesktop.server.testing.Accounts;
import dev.tododesktop.server.testing.Backend;
import dev.tododesktop.server.testing.Http;
import dev.tododesktop.testing.MutableClock;
import dev.tododesktop.server.testing.TestServer;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Signing keys in the database: restarts, several instances on one database, rotation. */
@ParameterizedClass
@EnumSource(Backend.class)
class KeysAndInstancesTest {

    private static final UnaryOperator<ServerConfig> FAST = c -> c.withPasswordHashing(PasswordHashing.forTestsOnly());

    @Parameter
    Backend backend;

    @TempDir
    Path dir;

    @Test
    void tokensAndKeysSurviveARestart() {
        DatabaseUrl db = backend.freshDatabase(dir);
        Accounts.Login user;
        String jwks;
        try (var first = TestServer.startOn(db, dir, FAST, Clock.systemUTC())) {
            user = Accounts.register(new Http(first.baseUri()));
            jwks = new Http(first.baseUri()).get("/api/auth/jwks").body();
        }
        try (var second = TestServer.startOn(db, dir, FAST, Clock.systemUTC())) {
            var http = new Http(second.baseUri());
            assertThat(http.get("/api/auth/jwks").body()).isEqualTo(jwks);
            assertThat(http.get("/api/auth/me", user.accessToken()).status()).isEqualTo(200);
            var refreshed = http.post("/api/auth/refresh", Map.of("refresh_token", user.refreshToken()));
            assertThat(refreshed.status()).isEqualTo(200);
            assertThat(kid(refreshed.json().get("access_token").asText())).isEqualTo(kid(user.accessToken()));
            Accounts.login(http, user.email(), Accounts.PASSWORD);
        }
    }

    @Test
    void twoInstancesStartingAtOnceOnAnEmptyDatabaseAcceptEachOthersTokens() throws Exception {
        DatabaseUrl db = backend.freshDatabase(dir);
        UnaryOperator<ServerConfig> config = c -> FAST.apply(c).withSessionCheckTtl(Duration.ofMillis(200));
        var startA = CompletableFuture.supplyAsync(() -> TestServer.startOn(db, dir, config, Clock.systemUTC()));
        var startB = CompletableFuture.supplyAsync(() -> TestServer.startOn(db, dir, config, Clock.systemUTC()));
        try (TodoServer a = startA.get(); TodoServer b = startB.get()) {
            var httpA = new Http(a.baseUri());
            var httpB = new Http(b.baseUri());
            var onA = Accounts.register(httpA);
            var onB = Accounts.login(httpB, onA.email(), Accounts.PASSWORD);
            assertThat(httpB.get("/api/auth/me", onA.accessToken()).status()).isEqualTo(200);
            assertThat(httpA.get("/api/auth/me", onB.accessToken()).status()).isEqualTo(200);
            assertThat(httpA.get("/api/auth/jwks").json().get("keys").findValuesAsText("kid"))
                    .contains(kid(onA.accessToken()), kid(onB.accessToken()));

            var refreshed = httpB.post("/api/auth/refresh", Map.of("refresh_token", onA.refreshToken()));
            assertThat(refreshed.status()).isEqualTo(200);
            assertThat(httpA.get("/api/auth/me", refreshed.json().get("access_token").asText()).status()).isEqualTo(200);
            // The old refresh token, replayed on the other instance, is recognised as reuse.
            assertThat(httpA.post("/api/auth/refresh", Map.of("refresh_token", onA.refreshToken())).status()).isEqualTo(401);

            // A logout on B reaches A within A's session-check TTL (200 ms here).
            assertThat(httpA.get("/api/auth/me", onB.accessToken()).status()).isEqualTo(200);
            assertThat(httpB.post("/api/auth/logout", null, onB.accessToken()).status()).isEqualTo(204);
            assertThat(httpB.get("/api/auth/me", onB.accessToken()).status()).isEqualTo(401);
            Thread.sleep(300);
            assertThat(httpA.get("/api/auth/me", onB.accessToken()).status()).isEqualTo(401);
        }
    }

    @Test
    void onPostgresARevocationReachesTheOtherInstanceWithoutWaitingForTheCacheTtl() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(backend == Backend.POSTGRES, "LISTEN/NOTIFY is PostgreSQL's");
        DatabaseUrl db = backend.freshDatabase(dir);
        UnaryOperator<ServerConfig> config = c -> FAST.apply(c).withSessionCheckTtl(Duration.ofHours(1));
        try (var a = TestServer.startOn(db, dir, config, Clock.systemUTC());
             var b = TestServer.startOn(db, dir, config, Clock.systemUTC())) {
            var httpA = new Http(a.baseUri());
            var httpB = new Http(b.baseUri());
            var user = Accounts.register(httpA);
            var laptop = Accounts.login(httpA, user.email(), Accounts.PASSWORD);
            var phone = Accounts.login(httpA, user.email(), Accounts.PASSWORD);
            for (var login : java.util.List.of(user, laptop, phone)) {
                assertThat(httpA.get("/api/auth/me", login.accessToken()).status()).isEqualTo(200); // cached as live on A
            }
            assertThat(httpB.post("/api/auth/logout", null, laptop.accessToken()).status()).isEqualTo(204);
            assertThat(httpB.post("/api/auth/password",
                    Map.of("current_password", Accounts.PASSWORD, "new_password", "a different passphrase"), user.accessToken())
                    .status()).isEqualTo(204);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while ((httpA.get("/api/auth/me", laptop.accessToken()).status() == 200
                    || httpA.get("/api/auth/me", phone.accessToken()).status() == 200) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(httpA.get("/api/auth/me", laptop.accessToken()).status()).isEqualTo(401);
            assertThat(httpA.get("/api/auth/me", phone.accessToken()).status()).isEqualTo(401);
            assertThat(httpA.get("/api/auth/me", user.accessToken()).status()).isEqualTo(200);
        }
    }

    @Test
    void rotationAddsAKeyAndKeepsTheOldOneUntilItsTokensHaveExpired() {
        var clock = MutableClock.startingNow();
        UnaryOperator<ServerConfig> config = c -> FAST.apply(c).withSigningKeyRotation(Duration.ofMinutes(10));
        try (var server = TestServer.start(backend, dir, config, clock)) {
            var http = new Http(server.baseUri());
            var early = Accounts.register(http);
            String oldKid = kid(early.accessToken());

            clock.advance(Duration.ofMinutes(11));
            var later = Accounts.login(http, early.email(), Accounts.PASSWORD);
            String newKid = kid(later.accessToken());
            assertThat(newKid).isNotEqualTo(oldKid);
            assertThat(http.get("/api/auth/jwks").json().get("keys").findValuesAsText("kid")).containsExactly(newKid, oldKid);
            // Signed by the retired key, 11 minutes old, not yet expired (15 min): still accepted.
            assertThat(http.get("/api/auth/me", early.accessToken()).status()).isEqualTo(200);

            clock.advance(Duration.ofMinutes(20));
            assertThat(http.get("/api/auth/jwks").json().get("keys").findValuesAsText("kid")).containsExactly(newKid);
            assertThat(http.get("/api/auth/me", early.accessToken()).status()).isEqualTo(401);
        }
    }

    @Test
    void theSessionEndsThirtyDaysAfterTheLastRefresh() {
        var clock = MutableClock.startingNow();
        try (var server = TestServer.start(backend, dir, FAST, clock)) {
            var http = new Http(server.baseUri());
            var user = Accounts.register(http);
            clock.advance(Duration.ofDays(29));
            var refreshed = http.post("/api/auth/refresh", Map.of("refresh_token", user.refreshToken()));
            assertThat(refreshed.status()).isEqualTo(200);
            assertThat(refreshed.json().get("refresh_expires_in").asLong()).isEqualTo(Duration.ofDays(30).toSeconds());
            String token = refreshed.json().get("refresh_token").asText();
            clock.advance(Duration.ofDays(29));
            var again = http.post("/api/auth/refresh", Map.of("refresh_token", token));
            assertThat(again.status()).isEqualTo(200);
            clock.advance(Duration.ofDays(30).plusSeconds(1));
            assertThat(http.post("/api/auth/refresh", Map.of("refresh_token", again.json().get("refresh_token").asText())).status())
                    .isEqualTo(401);
            assertThat(http.get("/api/auth/sessions", Accounts.login(http, user.email(), Accounts.PASSWORD).accessToken())
                    .json().get("items")).hasSize(1);
        }
    }

    @Test
    void theAccessTokenExpiresAfterItsLifetimeAndTheLeeway() {
        var clock = MutableClock.startingNow();
        try (var server = TestServer.start(backend, dir, FAST, clock)) {
            var http = new Http(server.baseUri());
            var user = Accounts.register(http);
            clock.advance(Duration.ofMinutes(15).plusSeconds(59));
            assertThat(http.get("/api/auth/me", user.accessToken()).status()).isEqualTo(200);
            clock.advance(Duration.ofSeconds(2));
            var expired = http.get("/api/auth/me", user.accessToken());
            assertThat(expired.status()).isEqualTo(401);
            assertThat(expired.header("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
            // An expired access token is what refresh is for.
            assertThat(http.post("/api/auth/refresh", Map.of("refresh_token", user.refreshToken())).status()).isEqualTo(200);
        }
    }

    private static String kid(String token) {
        try {
            return SignedJWT.parse(token).getHeader().getKeyID();
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

}
