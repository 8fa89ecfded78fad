package dev.tododesktop.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.server.config.PasswordHashing;
import dev.tododesktop.server.db.DatabaseUrl;
import dev.tododesktop.server.testing.Accounts;
import dev.tododesktop.server.testing.Backend;
import dev.tododesktop.server.testing.Http;
import dev.tododesktop.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The production Argon2id cost (OWASP's m=19 MiB, t=2, p=1), a handful of hashes only. */
@ParameterizedClass
@EnumSource(Backend.class)
class ProductionHashingTest {

    @Parameter
    Backend backend;

    @TempDir
    Path dir;

    @Test
    void passwordsAreStoredAsArgon2idPhcStringsAndUnknownEmailsCostTheSameTime() {
        try (var server = TestServer.start(backend, dir)) {
            assertThat(server.config().passwordHashing()).isEqualTo(PasswordHashing.owaspMinimum());
            var http = new Http(server.baseUri());
            var user = Accounts.register(http);
            assertThat(storedHash(server.database().jdbi(), user.userId())).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
            Accounts.login(http, user.email(), Accounts.PASSWORD);

            // An unknown email must cost a hash too. Wall time is noisy on a shared machine, so compare
            // the fastest of several interleaved attempts, and check both are at least one Argon2id run.
            long known = Long.MAX_VALUE;
            long unknown = Long.MAX_VALUE;
            for (int i = 0; i < 4; i++) {
                known = Math.min(known, loginMillis(http, user.email()));
                unknown = Math.min(unknown, loginMillis(http, Accounts.uniqueEmail()));
            }
            assertThat(Math.min(known, unknown)).as("unknown %d ms vs known %d ms", unknown, known).isGreaterThanOrEqualTo(15);
            assertThat(unknown).as("unknown %d ms vs known %d ms", unknown, known).isGreaterThan(known / 3);
            assertThat(known).as("unknown %d ms vs known %d ms", unknown, known).isGreaterThan(unknown / 3);
        }
    }

    @Test
    void registeringATakenEmailCostsAHashLikeANewAccount() {
        try (var server = TestServer.start(backend, dir)) {
            var http = new Http(server.baseUri());
            var taken = Accounts.register(http).email();
            // The 409 itself says the email is registered (a person must learn that); its time must
            // not add a cheaper way to learn it. Fastest of interleaved attempts, as above.
            long fresh = Long.MAX_VALUE;
            long conflict = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                fresh = Math.min(fresh, registerMillis(http, Accounts.uniqueEmail(), 201));
                conflict = Math.min(conflict, registerMillis(http, taken.toUpperCase(java.util.Locale.ROOT), 409));
            }
            assertThat(conflict).as("taken %d ms vs new %d ms", conflict, fresh).isGreaterThanOrEqualTo(15);
            assertThat(conflict).as("taken %d ms vs new %d ms", conflict, fresh).isGreaterThan(fresh / 3);
        }
    }

    private static long registerMillis(Http http, String email, int expected) {
        long start = System.nanoTime();
        var response = http.post("/api/auth/register", Map.of("email", email, "password", Accounts.PASSWORD));
        assertThat(response.status()).as(response.body()).isEqualTo(expected);
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void aHashMadeWithOlderParametersIsRedoneAtTheNextLogin() {
        DatabaseUrl db = backend.freshDatabase(dir);
        Accounts.Login user;
        try (var cheap = TestServer.startOn(db, dir, c -> c.withPasswordHashing(PasswordHashing.forTestsOnly()), Clock.systemUTC())) {
            user = Accounts.register(new Http(cheap.baseUri()));
            assertThat(storedHash(cheap.database().jdbi(), user.userId())).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
        }
        try (var production = TestServer.startOn(db, dir, UnaryOperator.identity(), Clock.systemUTC())) {
            var http = new Http(production.baseUri());
            Accounts.login(http, user.email(), Accounts.PASSWORD);
            assertThat(storedHash(production.database().jdbi(), user.userId())).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
            Accounts.login(http, user.email(), Accounts.PASSWORD);
            assertThat(http.post("/api/auth/login", Map.of("email", user.email(), "password", "nope nope")).status()).isEqualTo(401);
        }
    }

    private static long loginMillis(Http http, String email) {
        long start = System.nanoTime();
        var response = http.post("/api/auth/login", Map.of("email", email, "password", "definitely wrong"));
        assertThat(response.status()).isEqualTo(401);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String storedHash(Jdbi jdbi, UUID userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT password_hash FROM users WHERE id = :id")
                .bind("id", userId.toString()).mapTo(String.class).one());
    }
}
