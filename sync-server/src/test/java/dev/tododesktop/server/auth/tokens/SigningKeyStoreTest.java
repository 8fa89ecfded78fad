package dev.tododesktop.server.auth.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.server.auth.keys.KeyEncryptionKeys;
import dev.tododesktop.server.auth.keys.SealedKeys;
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

    final SealedKeys seal = new SealedKeys(KeyEncryptionKeys.parse(KeyEncryptionKeys.generate()));

    @Test
    void thePrivateKeyStaysInTheDatabaseSealedAndAnotherInstancesKeyIsFoundByKid() throws Exception {
        var clock = MutableClock.startingNow();
        try (var db = Database.open(backend.freshDatabase(dir), 4)) {
            var first = new SigningKeyStore(db, seal, clock, Duration.ofDays(90), Duration.ofMinutes(17));
            var key = first.signingKey();
            String stored = db.jdbi().withHandle(h -> h.createQuery("SELECT private_jwk FROM signing_keys")
                    .mapTo(String.class).one());
            assertThat(stored).doesNotContain("\"d\"").doesNotContain(key.publicJwk().getX().toString());
            var opened = (SealedKeys.Opened.Sealed) seal.open(key.kid(), stored);
            String d = opened.key().getD().toString();
            assertThat(key.toString()).doesNotContain(d).contains(key.kid());
            assertThat(key.publicJwk().isPrivate()).isFalse();
            assertThat(first.publicKeys()).allSatisfy(k -> assertThat(k.isPrivate()).isFalse());

            // A second instance on the same database signs with the same key rather than adding one.
            var second = new SigningKeyStore(db, seal, clock, Duration.ofDays(90), Duration.ofMinutes(17));
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

    @Test
    void aNewKeyEncryptionKeyPutFirstReSealsTheKeysAndAServerWithoutTheKeyMakesItsOwn() throws Exception {
        var clock = MutableClock.startingNow();
        var oldKek = KeyEncryptionKeys.parse(KeyEncryptionKeys.generate());
        var newKek = KeyEncryptionKeys.parse(KeyEncryptionKeys.generate());
        try (var db = Database.open(backend.freshDatabase(dir), 4)) {
            var key = new SigningKeyStore(db, new SealedKeys(oldKek), clock, Duration.ofDays(90), Duration.ofMinutes(17)).signingKey();

            // Rotation of the key-encryption key: the new one first, the old one still listed.
            var rotated = new SigningKeyStore(db, new SealedKeys(newKek.then(oldKek)), clock, Duration.ofDays(90), Duration.ofMinutes(17));
            assertThat(rotated.signingKey().kid()).as("the same signing key, nobody's token changes").isEqualTo(key.kid());
            // Now sealed with the new key alone: a server given only the new key reads it.
            var newOnly = new SigningKeyStore(db, new SealedKeys(newKek), clock, Duration.ofDays(90), Duration.ofMinutes(17));
            assertThat(newOnly.signingKey().kid()).isEqualTo(key.kid());

            // A server given neither cannot use the key: it makes a new one (tokens refresh once) and says why.
            var stranger = new SigningKeyStore(db, seal, clock, Duration.ofDays(90), Duration.ofMinutes(17));
            assertThat(stranger.signingKey().kid()).isNotEqualTo(key.kid());
            assertThat(stranger.verificationKey(key.kid())).isEmpty();
        }
    }

    @Test
    void aSealedKeyMovedToAnotherRowOrChangedDoesNotOpen() throws Exception {
        var key = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256).keyID("kid-a").generate();
        String sealed = seal.seal(key);
        assertThat(seal.open("kid-a", sealed)).isInstanceOf(SealedKeys.Opened.Sealed.class);
        assertThat(seal.open("kid-b", sealed)).isInstanceOf(SealedKeys.Opened.Unreadable.class);
        char last = sealed.charAt(sealed.length() - 2);
        String tampered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A') + sealed.charAt(sealed.length() - 1);
        assertThat(seal.open("kid-a", tampered)).isInstanceOf(SealedKeys.Opened.Unreadable.class);
        assertThat(new SealedKeys(KeyEncryptionKeys.parse(KeyEncryptionKeys.generate())).open("kid-a", sealed))
                .isInstanceOf(SealedKeys.Opened.OtherKek.class);
        assertThat(seal.open("kid-a", key.toJSONString())).isInstanceOf(SealedKeys.Opened.InClear.class);
    }
}
