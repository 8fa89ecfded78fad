package dev.tododesktop.server.auth.passwords;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.server.config.PasswordHashing;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void hashesVerifyAfterNfkcAndNeverMatchAWrongPasswordOrAMalformedHash() {
        try (var hasher = new PasswordHasher(PasswordHashing.forTestsOnly())) {
            String hash = hasher.hash("ｆｕｌｌ width passphrase");
            assertThat(hash).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
            assertThat(hasher.verify("full width passphrase", hash)).isTrue();
            assertThat(hasher.verify("full width passphrasE", hash)).isFalse();
            assertThat(hasher.verify("anything", "$2a$10$notargon")).isFalse();
            assertThat(hasher.verify("anything", "")).isFalse();
            assertThat(hasher.hash("same")).isNotEqualTo(hasher.hash("same"));
            assertThat(hasher.needsRehash(hash)).isFalse();
        }
    }

    @Test
    void theNativeAndPureJavaEnginesAgreeSoEitherCanVerifyTheOthersHashes() {
        var nativeEngine = NativeArgon2.load();
        assertThat(nativeEngine).as("libargon2 loads on this platform").isPresent();
        byte[] password = "correct horse".getBytes(StandardCharsets.UTF_8);
        byte[] salt = "sixteen byte salt".substring(0, 16).getBytes(StandardCharsets.UTF_8);
        byte[] viaNative = nativeEngine.get().hash(1024, 2, 1, password, salt, 32);
        byte[] viaJava = new BouncyCastleArgon2().hash(1024, 2, 1, password, salt, 32);
        assertThat(viaNative).isEqualTo(viaJava);
    }

    @Test
    void phcStringsRoundTripAndNameNoSecretInToString() {
        var phc = PhcHash.parse("$argon2id$v=19$m=19456,t=2,p=1$kuGKRpehcSZNgXykK8EE/Q$iM9UmAUjpIctgw6iF7M0iIpR0oRAT8p9zWkcYB/iK9g");
        assertThat(phc).isPresent();
        assertThat(phc.get().memoryKib()).isEqualTo(19456);
        assertThat(phc.get().format()).isEqualTo("$argon2id$v=19$m=19456,t=2,p=1$kuGKRpehcSZNgXykK8EE/Q$iM9UmAUjpIctgw6iF7M0iIpR0oRAT8p9zWkcYB/iK9g");
        assertThat(phc.get().toString()).doesNotContain("kuGKR").doesNotContain("iM9Um");
        assertThat(PhcHash.parse("$argon2i$v=19$m=19456,t=2,p=1$a$b")).isEmpty();
    }

    @Test
    void theBundledListHoldsTheTenThousandMostCommonPasswords() {
        var common = CommonPasswords.bundled();
        assertThat(common.size()).isGreaterThanOrEqualTo(9_900); // a few differ only by case
        assertThat(common.contains("password")).isTrue();
        assertThat(common.contains("PASSWORD")).isTrue();
        assertThat(common.contains("ｐａｓｓｗｏｒｄ")).isTrue();
        assertThat(common.contains("1qaz2wsx")).isTrue();
        assertThat(common.contains("correct horse battery staple")).isFalse();
    }
}
