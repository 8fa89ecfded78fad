package dev.tododesktop.server.auth.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.ECKey;
import dev.tododesktop.server.db.Database;
import dev.tododesktop.server.testing.Backend;
import dev.tododesktop.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Backend.class)
class SigningKeyStoreTest {

    @Parameter
    Backend backend;

    @TempDir
    Path dir;

    @Test
    void thePrivateKeyStaysInTheDatabaseAndAnotherInstancesKeyIsFoundByKid() throws Exception {
        var clock = MutableClock.startingNow();
        try (var db = Database.open(backend.freshDatabase(dir), 4)) {
            var first = new SigningKeyStore(db.jdbi(), clock, Duration.ofDays(90), Duration.ofMinutes(17));
            var key = first.signingKey();
            String privateJwk = db.jdbi().withHandle(h -> h.createQuery("SELECT private_jwk FROM signing_keys")
                    .mapTo(String.class).one());
            String d = ECKey.parse(privateJwk).getD().toString();
            assertThat(key.toString()).doesNotContain(d).contains(key.kid());
            assertThat(key.publicJwk().isPrivate()).isFalse();
            assertThat(first.publicKeys()).allSatisfy(k -> assertThat(k.isPrivate()).isFalse());

            // A second instance on the same database signs with the same key rather than adding one.
            var second = new SigningKeyStore(db.jdbi(), clock, Duration.ofDays(90), Duration.ofMinutes(17));
            assertThat(second.signingKey().kid()).isEqualTo(key.kid());

            // A key added by one instance is found by the other through its kid (after the reload interval).
            clock.advance(Duration.ofDays(91));
            var rotated = second.signingKey();
            assertThat(rotated.kid()).isNotEqualTo(key.kid());
            clock.advance(Duration.ofSeconds(2));
            assertThat(first.verificationKey(rotated.kid())).isPresent();
            assertThat(first.verificationKey("no-such-kid")).isEmpty();
        }
    }
}
